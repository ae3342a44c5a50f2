package io.eventsync.contracts.opr.codec;

/** The two wire formats of the OPR data model. XML is OMi's native one. */
public enum OprFormat {
    JSON("application/json"),
    XML("application/xml");

    private final String mediaType;

    OprFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
