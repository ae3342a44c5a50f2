package io.eventsync.sandbox.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The alert rules as Prometheus' own promtool judges them (syntax, and the unit tests that make every
 * alert fire and stay quiet), and the copies that must not drift: the Kubernetes PrometheusRule,
 * the runbook anchors in docs/alerts.md, the compose Prometheus configuration and mounts. Fast: no
 * broker, no app. Needs promtool (Debian's prometheus package); without it the test fails.
 *
 * <p>YAML is read with SnakeYAML, which Spring Boot puts on the sandbox's classpath (it reads the apps'
 * .yml files), so no test dependency is added for it.
 */
class PromtoolRulesIT {

    private static final Duration PROMTOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);
    private static final Pattern EXPLICIT_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");

    @Test
    void promtoolFindsTheRuleFileValid() {
        PrometheusTools.Result check = PrometheusTools.run(PROMTOOL_TIMEOUT, Path.of("."),
                PrometheusTools.binary("promtool").toString(), "check", "rules", PrometheusTools.RULES.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void everyAlertFiresAndStaysQuietAsItsUnitTestsSay() {
        PrometheusTools.Result test = PrometheusTools.run(PROMTOOL_TIMEOUT, Path.of("."),
                PrometheusTools.binary("promtool").toString(), "test", "rules",
                PrometheusTools.RULE_TESTS.toString());
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void theUnitTestsCoverEveryAlert() throws IOException {
        String tests = Files.readString(PrometheusTools.RULE_TESTS, StandardCharsets.UTF_8);
        for (String alert : alertNames(PrometheusTools.RULES)) {
            assertThat(tests).as("a test of " + alert).contains("alertname: " + alert + "\n");
        }
    }

    @Test
    void thePrometheusRuleInKubernetesCarriesExactlyTheRuleFilesGroups() throws IOException {
        Map<String, Object> rules = yaml(PrometheusTools.RULES);
        Map<String, Object> resource = yaml(PrometheusTools.PROMETHEUS_RULE);

        assertThat(resource).containsEntry("apiVersion", "monitoring.coreos.com/v1").containsEntry("kind", "PrometheusRule");
        assertThat(map(resource.get("spec")).get("groups"))
                .as("spec.groups of %s equal the groups of %s; run monitoring/scripts/sync-prometheusrule.sh",
                        PrometheusTools.PROMETHEUS_RULE, PrometheusTools.RULES)
                .isEqualTo(rules.get("groups"));
        assertThat(Files.readString(PrometheusTools.K8S_MONITORING.resolve("kustomization.yaml"),
                StandardCharsets.UTF_8)).contains("prometheusrule.yaml");
    }

    @Test
    void everyAlertHasAForASeverityASummaryADescriptionAndARunbookAnchorThatDocsAlertsHas() throws IOException {
        Set<String> anchors = anchors(Files.readString(PrometheusTools.ALERTS_DOC, StandardCharsets.UTF_8));
        for (Map<String, Object> rule : rules(PrometheusTools.RULES)) {
            String alert = (String) rule.get("alert");
            assertThat(rule.get("for")).as(alert + " for").isNotNull();
            assertThat(SEVERITIES).as(alert + " severity").contains((String) map(rule.get("labels")).get("severity"));
            Map<String, Object> annotations = map(rule.get("annotations"));
            assertThat(annotations).as(alert).containsKeys("summary", "description", "runbook_url");
            String runbook = (String) annotations.get("runbook_url");
            assertThat(runbook).as(alert + " runbook_url").startsWith("docs/alerts.md#");
            assertThat(anchors).as(alert + ": docs/alerts.md has the anchor of " + runbook)
                    .contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    @Test
    void composesPrometheusConfigurationIsValidAndItsMountsAreTheRepositorysOneCopies() throws IOException {
        PrometheusTools.Result check = PrometheusTools.run(PROMTOOL_TIMEOUT, Path.of("."),
                PrometheusTools.binary("promtool").toString(), "check", "config",
                PrometheusTools.COMPOSE_PROMETHEUS.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("eventsync-rules.yml");

        // The compose file mounts the rule file and the one dashboard copy (the ConfigMap's).
        String compose = Files.readString(PrometheusTools.COMPOSE, StandardCharsets.UTF_8);
        assertThat(compose).contains("source: ./monitoring/prometheus/eventsync-rules.yml")
                .contains("source: ./k8s/base/monitoring/eventsync-dashboard.json")
                .contains("source: ./monitoring/grafana/provisioning");
        assertThat(Files.readString(PrometheusTools.K8S_MONITORING.resolve("kustomization.yaml"),
                StandardCharsets.UTF_8)).contains("- eventsync-dashboard.json").contains("grafana_dashboard: \"1\"");
    }

    static List<String> alertNames(Path ruleFile) {
        return rules(ruleFile).stream().map(rule -> (String) rule.get("alert")).toList();
    }

    static List<Map<String, Object>> rules(Path ruleFile) {
        return list(yaml(ruleFile).get("groups")).stream()
                .flatMap(group -> list(map(group).get("rules")).stream()).map(PromtoolRulesIT::map).toList();
    }

    static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** GitHub's heading anchors (lower case, punctuation but '-' and '_' dropped, spaces as '-') and explicit ones. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Matcher heading = HEADING.matcher(markdown);
        while (heading.find()) {
            anchors.add(heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        Matcher explicit = EXPLICIT_ANCHOR.matcher(markdown);
        while (explicit.find()) {
            anchors.add(explicit.group(1));
        }
        return anchors;
    }
}
