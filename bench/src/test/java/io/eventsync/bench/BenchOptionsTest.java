package io.eventsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void everyGroupRunsUnlessOnlySomeAreChosen() {
        assertThat(BenchOptions.GROUPS).allMatch(BenchOptions.parse()::runs);

        BenchOptions some = BenchOptions.parse("--only", "egress,e2e");
        assertThat(some.runs("egress")).isTrue();
        assertThat(some.runs("e2e")).isTrue();
        assertThat(some.runs("gateway")).isFalse();
        assertThat(some.runs("ingest")).isFalse();
    }

    @Test
    void anUnknownGroupOrOptionIsRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> BenchOptions.parse("--only", "gateway,kafka"))
                .hasMessageContaining("'kafka'").hasMessageContaining("gateway, ingest, egress, e2e");
        assertThatThrownBy(() -> BenchOptions.parse("--fast"))
                .hasMessageContaining("--only gateway,ingest,egress,e2e");
    }

    @Test
    void aFullRunMeasuresThreeIterationsOfTenSecondsAndSmokeOneOfTwo() {
        BenchOptions full = BenchOptions.parse();
        assertThat(full.iterations()).isEqualTo(3);
        assertThat(full.durationSeconds()).isEqualTo(10);
        BenchOptions smoke = BenchOptions.parse("--smoke");
        assertThat(smoke.iterations()).isEqualTo(1);
        assertThat(smoke.durationSeconds()).isEqualTo(2);
    }

    @Test
    void onlyAFullRunOfEveryGroupReplacesThePublishedNumbersUnlessToldWhere() {
        assertThat(BenchOptions.parse().out()).isEqualTo(BenchOptions.PUBLISHED);
        assertThat(BenchOptions.parse("--partitions", "6").out()).isEqualTo(BenchOptions.PUBLISHED);
        assertThat(BenchOptions.parse("--smoke").out()).isEqualTo(BenchOptions.PARTIAL);
        assertThat(BenchOptions.parse("--only", "gateway").out()).isEqualTo(BenchOptions.PARTIAL);
        assertThat(BenchOptions.parse("--iterations", "1").out()).isEqualTo(BenchOptions.PARTIAL);
        assertThat(BenchOptions.parse("--duration", "5").out()).isEqualTo(BenchOptions.PARTIAL);
        assertThat(BenchOptions.parse("--smoke", "--out", "x").out()).hasToString("x");
    }

    @Test
    void everyTopicHasThreePartitionsUnlessTold() {
        assertThat(BenchOptions.parse().partitions()).isEqualTo(3);
        assertThat(BenchOptions.parse("--partitions", "12").partitions()).isEqualTo(12);
        assertThatThrownBy(() -> BenchOptions.parse("--partitions", "0")).hasMessageContaining("--partitions");
    }
}
