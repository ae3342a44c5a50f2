package io.eventsync.testkit;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The output of a forked broker's JVMs, and the part of it worth putting into a failure message: a
 * startup that fails logs a thousand lines, the cause is in the ERROR entries, and the last lines are
 * only the shutdown that followed.
 */
final class ForkedBrokerLog {

    // Matches the pattern in forked-kafka-logback.xml.
    private static final Pattern ENTRY_START = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");
    private static final int MAX_ERROR_LINES = 30;
    private static final int TAIL_LINES = 15;

    private final Path file;
    private long launchOffset;

    ForkedBrokerLog(Path file) {
        this.file = file;
    }

    /** Every launch appends, so a restarted broker's log still shows why the previous run ended. */
    Redirect nextLaunch() {
        try {
            launchOffset = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            launchOffset = 0;
        }
        return Redirect.appendTo(file.toFile());
    }

    /** The ERROR entries of the latest launch without their stack frames, then its last lines. */
    String excerpt() {
        List<String> lines;
        try {
            byte[] all = Files.readAllBytes(file);
            int from = (int) Math.min(launchOffset, all.length);
            lines = new String(Arrays.copyOfRange(all, from, all.length), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return "<" + file + " unreadable: " + e + ">";
        }
        List<String> errors = new ArrayList<>();
        boolean inErrorEntry = false;
        for (String line : lines) {
            if (ENTRY_START.matcher(line).find()) {
                inErrorEntry = line.contains(" ERROR ");
            }
            if (inErrorEntry && !line.startsWith("\t") && errors.size() < MAX_ERROR_LINES) {
                errors.add(line);
            }
        }
        return "Errors logged in " + file + ":\n" + String.join("\n", errors)
                + "\nLast lines:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
