package io.eventsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.bench.PerfOutput.ConsumerSummary;
import io.eventsync.bench.PerfOutput.ProducerSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerfOutputTest {

    private static final String FINAL = "20000 records sent, 11357.183419 records/sec (11.09 MB/sec), 714.00 ms avg "
            + "latency, 959.00 ms max latency, 783 ms 50th, 947 ms 95th, 956 ms 99th, 959 ms 99.9th.";
    private static final String STEADY = "18000 steady state records sent, 13899.613900 records/sec (13.57 MB/sec), "
            + "758.81 ms avg latency, 959.00 ms max latency, 819 ms 50th, 947 ms 95th, 956 ms 99th, 959 ms 99.9th.";

    @Test
    void producerSummaryPrefersTheSteadyStateLine() {
        ProducerSummary s = PerfOutput.producer(List.of(
                "10151 records sent, 10151.0 records/sec (9.91 MB/sec), 640.1 ms avg latency, 867.0 ms max latency.",
                FINAL, STEADY, "BENCH-USAGE cpu-nanos=1 peak-rss-bytes=2"));

        assertThat(s.records()).isEqualTo(18_000);
        assertThat(s.recordsPerSec()).isEqualTo(13899.6139);
        assertThat(s.mbPerSec()).isEqualTo(13.57);
        assertThat(s.p50Ms()).isEqualTo(819);
        assertThat(s.p99Ms()).isEqualTo(956);
        assertThat(s.p999Ms()).isEqualTo(959);
    }

    @Test
    void producerSummaryWithoutWarmupIsTheFinalLine() {
        ProducerSummary s = PerfOutput.producer(List.of("12:00:00.000 [main] INFO something", FINAL));

        assertThat(s.records()).isEqualTo(20_000);
        assertThat(s.avgLatencyMs()).isEqualTo(714.0);
        assertThat(s.maxLatencyMs()).isEqualTo(959.0);
        assertThat(s.p95Ms()).isEqualTo(947);
    }

    @Test
    void producerOutputWithoutSummaryFailsWithTheOutput() {
        assertThatThrownBy(() -> PerfOutput.producer(List.of("Exception in thread main")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Exception in thread main");
    }

    @Test
    void consumerSummaryIsFoundAmongClientLogLines() {
        ConsumerSummary s = PerfOutput.consumer(List.of(
                "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, "
                        + "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
                "19:55:53.893 [main] INFO o.a.k.c.c.i.SubscriptionState -- [Consumer clientId=perf, groupId=g] "
                        + "Resetting offset for partition t-2 to position FetchPosition{offset=0, a, b}",
                "2026-12-01 19:55:52:819, 2026-12-01 19:55:54:166, 19.5313, 14.4998, 20000, 14847.8099, 1024, 323, "
                        + "60.4683, 61919.5046",
                "19:55:54.196 [main] INFO Revoke previously assigned partitions"));

        assertThat(s.records()).isEqualTo(20_000);
        assertThat(s.mbConsumed()).isEqualTo(19.5313);
        assertThat(s.recordsPerSec()).isEqualTo(14847.8099);
        assertThat(s.rebalanceMs()).isEqualTo(1024);
        assertThat(s.fetchMs()).isEqualTo(323);
        assertThat(s.fetchRecordsPerSec()).isEqualTo(61919.5046);
    }

    @Test
    void consumerOutputWithoutHeaderFails() {
        assertThatThrownBy(() -> PerfOutput.consumer(List.of("WARNING: Exiting before consuming the expected number")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usageLineRoundTrips() {
        assertThat(PerfOutput.usage(List.of("x", PerfOutput.usageLine(2_910_000_000L, 144_916_480L))))
                .isEqualTo(new PerfOutput.ToolUsage(2_910_000_000L, 144_916_480L));
        assertThat(PerfOutput.usage(List.of("nothing"))).isEqualTo(new PerfOutput.ToolUsage(-1, -1));
    }
}
