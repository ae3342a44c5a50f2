package io.eventsync.gateway.problem;

import io.eventsync.contracts.opr.codec.OprPayloadException;
import io.eventsync.gateway.http.BodyTooLargeException;
import io.eventsync.gateway.publish.OverloadedException;
import io.eventsync.gateway.publish.RecordTooLargeException;
import io.netty.channel.ChannelException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;

/** The one place that turns an exception into the problem the client sees. */
public final class ProblemMapper {

    private static final String REQUEST_TIMEOUT = "reactor.netty.http.server.RequestTimeoutException";

    private final Duration retryAfter;

    public ProblemMapper(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /** The problem for {@code error}, or {@code null} when it is not a client's fault (a bug). */
    public ApiProblem toProblem(Throwable error) {
        if (error instanceof ApiProblem problem) {
            return problem;
        }
        if (error instanceof OprPayloadException payload) {
            return fromPayload(payload);
        }
        if (error instanceof BodyTooLargeException tooLarge) {
            return bodyTooLarge(tooLarge);
        }
        if (error instanceof DataBufferLimitException) {
            return ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                    "the body is larger than this gateway accepts");
        }
        // Reactor Netty's RequestTimeoutException is package-private: known by its class name.
        if (error instanceof ChannelException && REQUEST_TIMEOUT.equals(error.getClass().getName())) {
            return ApiProblem.of(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "The request took too long to arrive",
                    "the body did not arrive within the gateway's request-read-timeout; nothing was published");
        }
        if (error instanceof RecordTooLargeException tooLarge) {
            return itemTooLarge(tooLarge, null);
        }
        if (error instanceof OverloadedException overloaded) {
            return ApiProblem.unavailable("overloaded", overloaded.getMessage(), retryAfter);
        }
        if (error instanceof ErrorResponse response) {
            HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
            if (status == null) {
                status = HttpStatus.BAD_REQUEST;
            }
            String detail = response.getBody().getDetail();
            return ApiProblem.of(status, slug(status), status.getReasonPhrase(),
                    detail != null ? detail : status.getReasonPhrase());
        }
        return null;
    }

    /** 413: the body is larger than {@code max-body-size}. */
    public static ApiProblem bodyTooLarge(BodyTooLargeException e) {
        return ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large", e.getMessage());
    }

    /** 413: one item is larger than Kafka takes; {@code pointer} names it when the caller knows the shape. */
    public static ApiProblem itemTooLarge(RecordTooLargeException e, String pointer) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "item-too-large", "An item is too large for Kafka",
                e.getMessage() + "; nothing of this request was published", pointer, null);
    }

    /** The problem for a document the codec refused. */
    public static ApiProblem fromPayload(OprPayloadException e) {
        String pointer = e.pointer().isEmpty() ? null : e.pointer();
        return switch (e.reason()) {
            case MALFORMED -> new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-document",
                    "The document is not well-formed", e.getMessage(), pointer, null);
            case INVALID_VALUE -> new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-field",
                    "A field has an invalid value", e.getMessage(), pointer, null);
            case MISSING_VALUE -> new ApiProblem(HttpStatus.BAD_REQUEST, "missing-field",
                    "A required field is missing", e.getMessage(), pointer, null);
            case WRONG_DOCUMENT -> new ApiProblem(HttpStatus.BAD_REQUEST, "wrong-document",
                    "This endpoint takes another document", e.getMessage(), pointer, null);
            case FORBIDDEN_CONSTRUCT -> new ApiProblem(HttpStatus.BAD_REQUEST, "forbidden-construct",
                    "The document uses a construct that is refused", e.getMessage(), pointer, null);
            case LIMIT_EXCEEDED -> new ApiProblem(HttpStatus.BAD_REQUEST, "document-limit-exceeded",
                    "The document exceeds a nesting or size limit", e.getMessage(), pointer, null);
        };
    }

    private static String slug(HttpStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
