package io.eventsync.simulators.omi;

/**
 * How OMi writes what it forwards. XML is OMi's default; some OMi versions send lists as
 * {@code application/xml;type=collection}; JSON comes in the two shapes of {@link OprJson}.
 */
public enum WireFormat {
    XML("application/xml", "application/xml"),
    XML_COLLECTION("application/xml", "application/xml;type=collection"),
    JSON_WRAPPED("application/json", "application/json"),
    JSON_BARE("application/json", "application/json"),
    JSON_STREAMED("application/json", "application/json");

    private final String singleType;
    private final String listType;

    WireFormat(String singleType, String listType) {
        this.singleType = singleType;
        this.listType = listType;
    }

    /** The content type of a request carrying one document, or a list. */
    public String contentType(boolean list) {
        return list ? listType : singleType;
    }

    public boolean isXml() {
        return this == XML || this == XML_COLLECTION;
    }

    /**
     * The document's bytes.
     *
     * @param itemName for a list root, the name of its items
     */
    byte[] write(OprNode root, String itemName) {
        return switch (this) {
            case XML, XML_COLLECTION -> OprXml.write(root);
            case JSON_WRAPPED -> OprJson.write(root, OprJson.Shape.WRAPPED, itemName);
            case JSON_BARE -> OprJson.write(root, OprJson.Shape.BARE, itemName);
            case JSON_STREAMED -> OprJson.write(root, OprJson.Shape.STREAMED, itemName);
        };
    }
}
