package io.eventsync.egress.route;

/** How the third party is called (seed 002): a REST request, or a SOAP envelope around the payload. */
public enum NotifierType {
    REST_API, SOAP_API
}
