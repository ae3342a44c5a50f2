package io.eventsync.simulators.omi;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What an OMi connected server of type External Event Processing is configured with, plus the
 * simulator's own pacing.
 *
 * @param baseUrl the connected server's base URL ({@code http://host:port/opr}); requests go to
 *     {@code <base>/event} and {@code <base>/event_change/...}
 * @param connectedServer the connected server's name, which OMi authenticates with
 * @param password its password (HTTP Basic); never printed
 * @param format how documents are written
 * @param eventRef which fields name the event in a forwarded change's {@code event_ref}
 * @param requestTimeout how long OMi waits for an answer; then the request counts as unanswered
 * @param resendDelay how long OMi waits before resending items an answer left out, or a request
 *     nobody answered (OMi's own interval is longer; a simulator keeps tests short)
 * @param maxRetryAfter the most a {@code Retry-After} is waited for, for the same reason
 * @param parallelism how many requests OMi has in flight at once when it resends items alone
 * @param maxBulk the most items OMi puts in one bulk when it resends what is pending (its connected
 *     server's bulk size)
 */
public record ForwardingSettings(URI baseUrl, String connectedServer, String password, WireFormat format,
                                 EventRefStyle eventRef, Duration requestTimeout, Duration resendDelay,
                                 Duration maxRetryAfter, int parallelism, int maxBulk) {

    /** Which {@code event_ref} fields a forwarded change carries. */
    public enum EventRefStyle {
        /** {@code target_id} (OMi's id) and {@code target_global_id} (the target's id): what OMi sends. */
        TARGET_IDS,
        /** {@code global_id} (the target's id) only, the field the forwarding document names. */
        GLOBAL_ID,
        /** {@code target_id} (OMi's id) only. */
        TARGET_ID,
        /** {@code target_global_id} (the target's id) only. */
        TARGET_GLOBAL_ID
    }

    public ForwardingSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectedServer, "connectedServer");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(eventRef, "eventRef");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        if (maxBulk < 1 || maxBulk > OmiForwarder.MAX_BULK) {
            throw new IllegalArgumentException("maxBulk must be 1 to " + OmiForwarder.MAX_BULK);
        }
    }

    /**
     * XML, both target ids in event_ref, 30 s per request, resends after 100 ms in bulks of up to 1,000,
     * Retry-After capped at 2 s.
     */
    public static ForwardingSettings of(URI baseUrl, String connectedServer, String password) {
        return new ForwardingSettings(baseUrl, connectedServer, password, WireFormat.XML, EventRefStyle.TARGET_IDS,
                Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(2), 4, OmiForwarder.MAX_BULK);
    }

    public ForwardingSettings withFormat(WireFormat newFormat) {
        return new ForwardingSettings(baseUrl, connectedServer, password, newFormat, eventRef, requestTimeout,
                resendDelay, maxRetryAfter, parallelism, maxBulk);
    }

    public ForwardingSettings withEventRef(EventRefStyle style) {
        return new ForwardingSettings(baseUrl, connectedServer, password, format, style, requestTimeout,
                resendDelay, maxRetryAfter, parallelism, maxBulk);
    }

    public ForwardingSettings withRequestTimeout(Duration timeout) {
        return new ForwardingSettings(baseUrl, connectedServer, password, format, eventRef, timeout,
                resendDelay, maxRetryAfter, parallelism, maxBulk);
    }

    public ForwardingSettings withResendDelay(Duration delay, Duration retryAfterCap) {
        return new ForwardingSettings(baseUrl, connectedServer, password, format, eventRef, requestTimeout,
                delay, retryAfterCap, parallelism, maxBulk);
    }

    public ForwardingSettings withParallelism(int requests) {
        return new ForwardingSettings(baseUrl, connectedServer, password, format, eventRef, requestTimeout,
                resendDelay, maxRetryAfter, requests, maxBulk);
    }

    public ForwardingSettings withMaxBulk(int items) {
        return new ForwardingSettings(baseUrl, connectedServer, password, format, eventRef, requestTimeout,
                resendDelay, maxRetryAfter, parallelism, items);
    }

    @Override
    public String toString() {
        return "ForwardingSettings[baseUrl=" + baseUrl + ", connectedServer=" + connectedServer
                + ", password=******, format=" + format + ", eventRef=" + eventRef + "]";
    }
}
