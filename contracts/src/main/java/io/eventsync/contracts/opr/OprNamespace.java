package io.eventsync.contracts.opr;

/** The XML namespace of every element of OMi's OPR data model. */
public final class OprNamespace {
    public static final String URI = "http://www.hp.com/2009/software/opr/data_model";

    private OprNamespace() {
    }
}
