package io.eventsync.egress.filter;

import java.util.Optional;

/**
 * What a Regex rule would cost RE2/J, estimated from the pattern's text before it is compiled.
 *
 * <p>RE2/J is linear in the text, but also in the size of the compiled program, and counted
 * repetition copies its operand: {@code (a{1000}){100}} is 15 characters and 100,000
 * instructions, which takes tens of seconds on 48 KiB, and compiling
 * {@code ((a{1000}){1000}){1000}} fills any heap. RE2/J offers no bound of its own (RE2 in C++
 * refuses such nesting; RE2/J does not), so the pattern is judged here first. The estimate
 * follows how RE2 compiles: an atom is one instruction, {@code x{n,m}} is {@code m} copies of
 * {@code x}, {@code * + ?} and every alternative add one. Syntax this reader does not follow is
 * left to RE2/J's own parser, which reports it.
 */
final class PatternCost {

    /** The largest {@code n} or {@code m} of one {@code {n,m}}. */
    static final int MAX_COUNT = 100;
    /** The largest product of counted repetitions nested inside one another. */
    static final int MAX_NESTED_COUNT = 1_000;
    /**
     * The largest estimated program: about what a pattern of {@link Rule#MAX_PATTERN_LENGTH}
     * characters without counted repetition compiles to ({@code a?a?a?...}), so counting never
     * buys a pattern more matching time than writing it out could.
     */
    static final int MAX_PROGRAM_SIZE = 2_000;

    private final String pattern;
    private int at;
    private String refusal;

    private PatternCost(String pattern) {
        this.pattern = pattern;
    }

    /** Why {@code pattern} would cost too much to compile or match; empty when it is within the limits. */
    static Optional<String> refusalOf(String pattern) {
        PatternCost cost = new PatternCost(pattern);
        Size size = Size.NONE;
        while (cost.at < pattern.length()) {
            size = size.plus(cost.alternation());
            // Stopped at a ) that closes nothing: RE2/J refuses it; read on so the estimate stays whole.
            cost.at++;
        }
        if (cost.refusal == null && size.instructions() > MAX_PROGRAM_SIZE) {
            cost.refusal = "the pattern would compile to about " + size.instructions() + " instructions (at most "
                    + MAX_PROGRAM_SIZE + "): counted repetition copies what it repeats";
        }
        return Optional.ofNullable(cost.refusal);
    }

    /**
     * @param instructions the estimated program size, capped so nesting cannot overflow it
     * @param nestedCount the largest product of counted repetitions nested in it
     */
    private record Size(long instructions, long nestedCount) {

        static final Size NONE = new Size(0, 1);
        static final Size ATOM = new Size(1, 1);
        private static final long CAP = 1L << 40;

        Size plus(Size other) {
            return new Size(Math.min(CAP, instructions + other.instructions),
                    Math.max(nestedCount, other.nestedCount));
        }

        Size times(long copies, long extra) {
            return new Size(Math.min(CAP, instructions * copies + extra), Math.min(CAP, nestedCount * copies));
        }
    }

    private Size alternation() {
        Size size = concatenation();
        while (at < pattern.length() && pattern.charAt(at) == '|') {
            at++;
            size = size.plus(concatenation()).plus(Size.ATOM);
        }
        return size;
    }

    private Size concatenation() {
        Size size = Size.NONE;
        while (at < pattern.length() && pattern.charAt(at) != '|' && pattern.charAt(at) != ')') {
            size = size.plus(repeated(atom()));
        }
        return size;
    }

    private Size repeated(Size operand) {
        Size size = operand;
        while (at < pattern.length()) {
            char c = pattern.charAt(at);
            if (c == '*' || c == '+' || c == '?') {
                at++;
                size = size.times(1, 1);
            } else if (c == '{' && countedRepetitionAt(at)) {
                size = counted(size);
            } else {
                return size;
            }
            if (at < pattern.length() && pattern.charAt(at) == '?') {
                at++;
            }
        }
        return size;
    }

    /** RE2 reads {@code {n}}, {@code {n,}} and {@code {n,m}} as repetition, any other brace as a literal. */
    private boolean countedRepetitionAt(int from) {
        int i = from + 1;
        int digits = skipDigits(i);
        if (digits == i) {
            return false;
        }
        i = digits;
        if (i < pattern.length() && pattern.charAt(i) == ',') {
            i = skipDigits(i + 1);
        }
        return i < pattern.length() && pattern.charAt(i) == '}';
    }

    private Size counted(Size operand) {
        int close = pattern.indexOf('}', at);
        String[] bounds = pattern.substring(at + 1, close).split(",", -1);
        at = close + 1;
        long min = number(bounds[0]);
        long max = bounds.length == 1 ? min : bounds[1].isEmpty() ? -1 : number(bounds[1]);
        long largest = Math.max(min, max);
        if (largest > MAX_COUNT) {
            refuse("a counted repetition is at most {" + MAX_COUNT + "}, not {" + largest + "}");
        }
        // {n,} is n copies and a star; {n,m} is m copies, the last m - n of them optional.
        Size size = max == -1 ? operand.times(min + 1, 1) : operand.times(largest, Math.max(0, max - min));
        if (size.nestedCount() > MAX_NESTED_COUNT) {
            refuse("nested counted repetitions multiply to " + size.nestedCount() + " copies (at most "
                    + MAX_NESTED_COUNT + ")");
        }
        return size;
    }

    private Size atom() {
        char c = pattern.charAt(at);
        if (c == '(') {
            return group();
        }
        if (c == '[') {
            skipClass();
            return Size.ATOM;
        }
        if (c == '\\') {
            return escape();
        }
        at++;
        return Size.ATOM;
    }

    private Size group() {
        at++;
        if (pattern.startsWith("?", at)) {
            // Flags alone, (?i), set flags and match nothing; (?i:x), (?P<n>x), (?<n>x) group x.
            int close = pattern.indexOf(')', at);
            int colon = pattern.indexOf(':', at);
            int name = pattern.indexOf('>', at);
            boolean named = pattern.startsWith("?P<", at) || pattern.startsWith("?<", at);
            if (named && name != -1) {
                at = name + 1;
            } else if (colon != -1 && (close == -1 || colon < close)) {
                at = colon + 1;
            } else {
                at = close == -1 ? pattern.length() : close + 1;
                return Size.NONE;
            }
        }
        Size inner = alternation();
        if (at < pattern.length()) {
            at++;
        }
        return inner.plus(new Size(2, 1));
    }

    private void skipClass() {
        at++;
        if (at < pattern.length() && pattern.charAt(at) == '^') {
            at++;
        }
        // A ] first is a literal member.
        if (at < pattern.length() && pattern.charAt(at) == ']') {
            at++;
        }
        while (at < pattern.length() && pattern.charAt(at) != ']') {
            if (pattern.charAt(at) == '\\') {
                escape();
            } else if (pattern.startsWith("[:", at) && pattern.indexOf(":]", at + 2) != -1) {
                at = pattern.indexOf(":]", at + 2) + 2;
            } else {
                at++;
            }
        }
        at = Math.min(pattern.length(), at + 1);
    }

    private Size escape() {
        at++;
        if (at >= pattern.length()) {
            return Size.ATOM;
        }
        char c = pattern.charAt(at++);
        if (c == 'Q') {
            // \Q...\E quotes every character up to \E: one instruction each.
            int end = pattern.indexOf("\\E", at);
            int stop = end == -1 ? pattern.length() : end;
            Size size = new Size(stop - at, 1);
            at = end == -1 ? stop : end + 2;
            return size;
        }
        if ((c == 'p' || c == 'P' || c == 'x') && at < pattern.length() && pattern.charAt(at) == '{') {
            int close = pattern.indexOf('}', at);
            at = close == -1 ? pattern.length() : close + 1;
        } else if (c == 'p' || c == 'P') {
            at = Math.min(pattern.length(), at + 1);
        } else if (c == 'x') {
            at = Math.min(pattern.length(), at + 2);
        }
        return Size.ATOM;
    }

    private int skipDigits(int from) {
        int i = from;
        while (i < pattern.length() && Character.isDigit(pattern.charAt(i)) && pattern.charAt(i) < 128) {
            i++;
        }
        return i;
    }

    private static long number(String digits) {
        // Longer than any count RE2 takes: judged as the largest.
        return digits.length() > 9 ? Integer.MAX_VALUE : Long.parseLong(digits);
    }

    private void refuse(String why) {
        if (refusal == null) {
            refusal = why;
        }
    }
}
