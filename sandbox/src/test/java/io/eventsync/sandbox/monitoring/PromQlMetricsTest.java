package io.eventsync.sandbox.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.sandbox.monitoring.PromQlMetrics.Use;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlMetricsTest {

    @Test
    void aSelectorInsideFunctionsAndAnAggregationNeedsItsMatchersAndGroupingLabels() {
        assertThat(PromQlMetrics.of("histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
                + "{namespace=~\"$namespace\", application=\"eventsync-gateway\", uri!~\"/actuator/.*\"}[$__rate_interval])))"))
                .containsExactly(new Use("http_server_requests_seconds_bucket", Set.of("le", "uri", "namespace", "application"),
                        Map.of("application", "eventsync-gateway")));
    }

    @Test
    void bothSidesOfAJoinNeedTheLabelsItMatchesOnAndAnOffsetIsNoMetric() {
        assertThat(PromQlMetrics.of("max by (namespace, instance) (eventsync_egress_back_sync_hook_up) == 0\n"
                + "and on (namespace, instance)\n"
                + "sum by (namespace, instance) (x_total{operation=\"Init\"} unless x_total offset 30m) > 0"))
                .containsExactly(
                        new Use("eventsync_egress_back_sync_hook_up", Set.of("namespace", "instance"), Map.of()),
                        new Use("x_total", Set.of("namespace", "instance", "operation"), Map.of("operation", "Init")),
                        new Use("x_total", Set.of("namespace", "instance"), Map.of()));
    }

    @Test
    void anAggregationWithItsGroupingFirstIsNoMetric() {
        assertThat(PromQlMetrics.of("sum by (route) (rate(a_total[5m])) / sum without (instance) (b_total)"))
                .containsExactly(new Use("a_total", Set.of("route", "instance"), Map.of()),
                        new Use("b_total", Set.of("route", "instance"), Map.of()));
    }

    @Test
    void keywordsNumbersStringsAndCommentsAreNoMetrics() {
        assertThat(PromQlMetrics.of("# a comment naming not_a_metric\nup{job=~\"a|b\"} == bool 0 or vector(1) > inf"))
                .containsExactly(new Use("up", Set.of("job"), Map.of()));
        assertThat(PromQlMetrics.of("absent(up{job=\"gateway\"}) or absent(up{job='ingest-ofsc'})"))
                .extracting(Use::values).containsExactly(Map.of("job", "gateway"), Map.of("job", "ingest-ofsc"));
    }

    @Test
    void grafanasLabelValuesReadsItsExpressionGroupedByTheLabel() {
        assertThat(PromQlMetrics.of("label_values(up{job=~\"gateway|ingest-ofsc\"}, namespace)"))
                .containsExactly(new Use("up", Set.of("job", "namespace"), Map.of()));
    }

    @Test
    void aSelectorWithoutANameIsRefusedRatherThanMisread() {
        assertThatThrownBy(() -> PromQlMetrics.of("sum({__name__=~\"eventsync_.*\"})"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a metric name");
    }
}
