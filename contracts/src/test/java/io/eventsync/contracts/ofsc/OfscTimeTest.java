package io.eventsync.contracts.ofsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OfscTimeTest {

    @Test
    void readsAndWritesTheSeedsFormatInUtc() {
        assertThat(OfscTime.parse("2018-04-04 21:10:33")).contains(Instant.parse("2018-04-04T21:10:33Z"));
        assertThat(OfscTime.format(Instant.parse("2018-04-04T21:10:33.987Z"))).isEqualTo("2018-04-04 21:10:33");
    }

    @Test
    void anythingElseIsEmpty() {
        assertThat(OfscTime.parse("2018-04-04T21:10:33Z")).isEmpty();
        assertThat(OfscTime.parse("2018-13-04 21:10:33")).isEmpty();
        assertThat(OfscTime.parse("2018-02-30 21:10:33")).isEmpty();
        assertThat(OfscTime.parse(null)).isEmpty();
    }
}
