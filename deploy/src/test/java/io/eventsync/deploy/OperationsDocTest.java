package io.eventsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md is what an operator creates Secrets and edits settings from: its tables must
 * name exactly the Secret keys, ConfigMap variables, network policies and topics the manifests have.
 */
class OperationsDocTest {

    private static final String DOC = Repository.read(Repository.root().resolve("docs/operations.md"));
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** kustomize appends a hash of the content to a generated ConfigMap's name. */
    private static final Pattern GENERATED = Pattern.compile("(.+)-[a-z0-9]{10}");

    @Test
    void theSecretsTableNamesExactlyTheSecretKeysThePodsRead() {
        Set<String> read = new TreeSet<>();
        for (Overlay overlay : Overlay.values()) {
            for (App app : App.values()) {
                PodConfiguration pod = PodConfiguration.of(overlay, app);
                pod.secretKeyRefs.forEach(ref -> read.add(ref.getName() + " " + ref.getKey()));
                for (Volume volume : pod.deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                    if (volume.getSecret() != null) {
                        assertThat(volume.getSecret().getItems()).as("secret volume %s of %s names its keys",
                                volume.getName(), app).isNotEmpty();
                        volume.getSecret().getItems()
                                .forEach(item -> read.add(volume.getSecret().getSecretName() + " " + item.getKey()));
                    }
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        for (List<String> row : table("### Secrets")) {
            documented.add(code(row.get(0)) + " " + code(row.get(1)));
        }

        assertThat(documented).isEqualTo(read);
    }

    @Test
    void theSettingsTableNamesEveryVariableOfEveryConfigMapThePodsRead() {
        Map<String, String> rows = new LinkedHashMap<>();
        table("### Settings that are not secret").forEach(row -> rows.put(code(row.get(0)), row.get(1)));
        for (Overlay overlay : Overlay.values()) {
            for (App app : App.values()) {
                for (EnvFromSource from : PodConfiguration.of(overlay, app).container.getEnvFrom()) {
                    ConfigMap configMap = overlay.configMap(from.getConfigMapRef().getName());
                    String name = generatorName(configMap.getMetadata().getName());
                    assertThat(rows).as("a row for ConfigMap " + name).containsKey(name);
                    Set<String> listed = codes(rows.get(name));
                    assertThat(listed).as("variables of %s in the doc (%s)", name, overlay)
                            .containsAll(configMap.getData().keySet());
                }
            }
        }
        assertThat(rows).containsKey("egress-opsramp-files");
    }

    @Test
    void theNetworkTableNamesEveryPolicy() {
        Set<String> policies = new TreeSet<>();
        for (Overlay overlay : Overlay.values()) {
            overlay.all(NetworkPolicy.class).forEach(policy -> policies.add(policy.getMetadata().getName()));
        }
        Set<String> documented = new TreeSet<>();
        table("### Network").forEach(row -> documented.add(code(row.get(0))));

        assertThat(documented).isEqualTo(policies);
    }

    @Test
    void theTopicsTableHasTheDeclaredPartitionsAndCleanup() {
        Map<String, KafkaTopic> dev = topics(Overlay.DEV);
        Map<String, KafkaTopic> prod = topics(Overlay.PROD);
        List<List<String>> rows = table("### Topics");

        assertThat(rows).extracting(row -> code(row.get(0))).containsExactlyInAnyOrderElementsOf(dev.keySet());
        for (List<String> row : rows) {
            String topic = code(row.get(0));
            String[] partitions = row.get(1).split("/");
            int devPartitions = Integer.parseInt(partitions[0].trim());
            int prodPartitions = Integer.parseInt(partitions[partitions.length - 1].trim());
            assertThat(dev.get(topic).getSpec().getPartitions()).as(topic + " in dev").isEqualTo(devPartitions);
            assertThat(prod.get(topic).getSpec().getPartitions()).as(topic + " in prod").isEqualTo(prodPartitions);
            assertThat(dev.get(topic).getSpec().getConfig().get("cleanup.policy")).as(topic).isEqualTo(row.get(2));
        }
    }

    @Test
    void theAlertsSectionIsLeftForTheAlertRules() {
        assertThat(DOC).contains("## Build the images", "## Deploy", "## Scale", "## Upgrade", "## Alerts");
    }

    /** The body rows (below the header and its --- line) of the first Markdown table after {@code heading}. */
    private static List<List<String>> table(String heading) {
        int start = DOC.indexOf("\n" + heading + "\n");
        assertThat(start).as("docs/operations.md has " + heading).isNotNegative();
        List<String> lines = DOC.substring(start + heading.length() + 2).lines()
                .takeWhile(line -> !line.startsWith("#"))
                .dropWhile(line -> !line.startsWith("|"))
                .takeWhile(line -> line.startsWith("|"))
                .toList();
        assertThat(lines).as("a table under " + heading).hasSizeGreaterThan(2);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
                cells.add(cell.trim());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String code(String cell) {
        Matcher matcher = CODE.matcher(cell);
        assertThat(matcher.find()).as("a `name` in " + cell).isTrue();
        return matcher.group(1);
    }

    private static Set<String> codes(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String generatorName(String name) {
        Matcher matcher = GENERATED.matcher(name);
        return matcher.matches() ? matcher.group(1) : name;
    }

    private static Map<String, KafkaTopic> topics(Overlay overlay) {
        Map<String, KafkaTopic> topics = new LinkedHashMap<>();
        overlay.all(KafkaTopic.class).forEach(topic -> topics.put(topic.getMetadata().getName(), topic));
        return topics;
    }
}
