package io.eventsync.simulators.omi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether two OPR documents carry the same data, read as OMi's data model types its fields: times
 * are the same instant (a time without an offset is UTC), enumerations ({@code severity},
 * {@code priority}, {@code state}, {@code change_operation}) and booleans match without regard to
 * case, counts match as numbers, every other text exactly. Elements of different names may come in
 * any order, elements of one name in the order given; an element with no content at all is the same
 * as none. A bulk's {@code sequence_number} belongs to the request, not the document, and is not
 * compared.
 */
public final class OprEquivalence {

    private static final Set<String> ENUMS = Set.of("severity", "priority", "state", "change_operation");
    private static final Set<String> BOOLEANS = Set.of("no_dedup", "log_only", "received_on_ci_downtime");
    private static final Set<String> NUMBERS = Set.of("version", "duplicate_count");

    private OprEquivalence() {
    }

    /** What differs, one line per difference with its path; empty when the two carry the same data. */
    public static List<String> differences(OprNode expected, OprNode actual) {
        List<String> found = new ArrayList<>();
        compare("/" + expected.name(), expected, actual, found);
        return found;
    }

    private static void compare(String path, OprNode expected, OprNode actual, List<String> found) {
        if (expected.isLeaf() != actual.isLeaf() && !(isEmpty(expected) && isEmpty(actual))) {
            found.add(path + ": expected " + expected + " but found " + actual);
            return;
        }
        if (expected.isLeaf()) {
            if (!sameText(expected.name(), expected.text(), actual.text())) {
                found.add(path + ": expected \"" + expected.text() + "\" but found \"" + actual.text() + "\"");
            }
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        expected.children().forEach(child -> names.add(child.name()));
        actual.children().forEach(child -> names.add(child.name()));
        names.remove("sequence_number");
        for (String name : names) {
            List<OprNode> want = present(expected.children(name));
            List<OprNode> got = present(actual.children(name));
            if (want.size() != got.size()) {
                found.add(path + "/" + name + ": expected " + want.size() + " but found " + got.size() + " ("
                        + got + ")");
                continue;
            }
            for (int i = 0; i < want.size(); i++) {
                compare(path + "/" + name + (want.size() > 1 ? "[" + i + "]" : ""), want.get(i), got.get(i), found);
            }
        }
    }

    private static List<OprNode> present(List<OprNode> nodes) {
        return nodes.stream().filter(node -> node.isLeaf() || !node.children().isEmpty()).toList();
    }

    private static boolean isEmpty(OprNode node) {
        return node.isLeaf() ? node.text().isEmpty() : node.children().isEmpty();
    }

    private static boolean sameText(String name, String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        if (ENUMS.contains(name) || BOOLEANS.contains(name)) {
            return expected.trim().equalsIgnoreCase(actual.trim());
        }
        if (NUMBERS.contains(name)) {
            return sameNumber(expected, actual);
        }
        if (name.startsWith("time_")) {
            Instant want = instant(expected);
            return want != null && want.equals(instant(actual));
        }
        return false;
    }

    private static boolean sameNumber(String expected, String actual) {
        try {
            return new BigDecimal(expected.trim()).compareTo(new BigDecimal(actual.trim())) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** An ISO-8601 date-time; one without an offset is read as UTC. */
    static Instant instant(String text) {
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
