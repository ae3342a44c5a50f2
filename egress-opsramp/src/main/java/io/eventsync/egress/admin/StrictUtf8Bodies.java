package io.eventsync.egress.admin;

import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a JSON body that is not well-formed UTF-8 ({@link Utf8Check}) as it is read, so it is
 * never bound: a 400 problem. JSON is UTF-8 (RFC 8259); a body that says it is another charset
 * is decoded as that charset, and has no malformed bytes to hide.
 */
@Component
final class StrictUtf8Bodies implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isUtf8Json(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        ServerHttpRequest checked = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    Utf8Check check = new Utf8Check();
                    return super.getBody().map(chunk -> {
                        try {
                            check.check(chunk);
                        } catch (MalformedUtf8Exception e) {
                            DataBufferUtils.release(chunk);
                            throw e;
                        }
                        return chunk;
                    }).concatWith(Mono.fromRunnable(check::end));
                });
            }
        };
        return chain.filter(exchange.mutate().request(checked).build());
    }

    private static boolean isUtf8Json(ServerHttpRequest request) {
        MediaType type;
        try {
            type = request.getHeaders().getContentType();
        } catch (InvalidMediaTypeException e) {
            // Refused as an unsupported media type when a body is read.
            return false;
        }
        if (type == null) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        String charset = type.getParameter("charset");
        return (subtype.equals("json") || subtype.endsWith("+json"))
                && (charset == null || charset.replace("\"", "").replace("-", "").equalsIgnoreCase("utf8"));
    }
}
