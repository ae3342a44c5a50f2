package io.eventsync.sandbox.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches texts for every form of every planted secret and keeps, per place searched, what was
 * found where, with the text around it: a failure must say where the leak is, not only that there
 * is one.
 */
final class LeakSearch {

    /** Enough places to locate a leak; the count says how widespread it is. */
    private static final int PLACES_SHOWN = 3;
    private static final int CONTEXT = 70;

    private final List<PlantedSecret> secrets;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    LeakSearch(List<PlantedSecret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /**
     * @param group what the summary reports on ("gateway /actuator/prometheus", "kafka egress.dlq")
     * @param place where exactly, within the group (a record's partition and offset, an answer's request)
     */
    void search(String group, String place, String text) {
        Group searched = groups.computeIfAbsent(group, name -> new Group());
        searched.places++;
        searched.characters += text.length();
        for (PlantedSecret secret : secrets) {
            List<String> forms = new ArrayList<>();
            int first = -1;
            for (Map.Entry<String, String> form : secret.forms().entrySet()) {
                int at = text.indexOf(form.getValue());
                if (at >= 0) {
                    forms.add(form.getKey());
                    first = first < 0 ? at : Math.min(first, at);
                }
            }
            if (!forms.isEmpty()) {
                Finding finding = searched.findings.computeIfAbsent(secret.name(), name -> new Finding());
                finding.places++;
                if (finding.shown.size() < PLACES_SHOWN) {
                    finding.shown.add(place + " as " + String.join(", ", forms) + ": ..." + around(text, first) + "...");
                }
            }
        }
    }

    /** A group searched with nothing in it still shows in the summary. */
    void searchedNothing(String group, String why) {
        groups.computeIfAbsent(group, name -> new Group()).note = why;
    }

    /** Every leak, one line per secret and group, with the first places it is in. */
    List<String> findings() {
        List<String> lines = new ArrayList<>();
        groups.forEach((group, searched) -> searched.findings.forEach((secret, finding) -> lines.add(
                "LEAK of " + secret + " in " + group + " (" + finding.places + " of " + searched.places + " places):\n    "
                        + String.join("\n    ", finding.shown))));
        return lines;
    }

    /** Per group: how much was searched, and found or not found. */
    String summary() {
        StringBuilder summary = new StringBuilder("Searched for ").append(secrets.size()).append(" secrets:\n");
        groups.forEach((group, searched) -> {
            summary.append(String.format("  %-58s %5d place(s), %9d chars: ", group, searched.places,
                    searched.characters));
            summary.append(searched.findings.isEmpty() ? "not found" : "FOUND " + searched.findings.keySet());
            if (searched.note != null) {
                summary.append(" (").append(searched.note).append(')');
            }
            summary.append('\n');
        });
        return summary.toString();
    }

    private static String around(String text, int at) {
        int from = Math.max(0, at - CONTEXT);
        int to = Math.min(text.length(), at + CONTEXT * 2);
        return text.substring(from, to).replace("\r", "\\r").replace("\n", "\\n");
    }

    private static final class Group {
        private int places;
        private long characters;
        private String note;
        private final Map<String, Finding> findings = new LinkedHashMap<>();
    }

    private static final class Finding {
        private int places;
        private final List<String> shown = new ArrayList<>();
    }
}
