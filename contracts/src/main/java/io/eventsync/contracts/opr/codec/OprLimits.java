package io.eventsync.contracts.opr.codec;

/**
 * Bounds on what the codec will read, so a hostile document costs little: nesting depth,
 * the longest string or text node, and the most items in one document.
 *
 * @param maxDepth deepest element/object nesting accepted (the OPR model needs about 8)
 * @param maxStringLength longest text value, in characters
 * @param maxDocumentLength longest document, in bytes
 */
public record OprLimits(int maxDepth, int maxStringLength, long maxDocumentLength) {

    public static final OprLimits DEFAULT = new OprLimits(32, 1_000_000, 16L * 1024 * 1024);

    public OprLimits {
        if (maxDepth < 8) {
            throw new IllegalArgumentException("maxDepth must be at least 8, was " + maxDepth);
        }
        if (maxStringLength < 1 || maxDocumentLength < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
