package io.eventsync.egress.admin;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Spring's Reactor Netty adapter answers a request whose URL is not a URI ({@code /event/%zz})
 * with an empty 400 before any filter or handler runs, so {@link AdminProblemHandler} never sees
 * it. Reactor Netty lets the server wrap what happens to each request: when it ends as such a
 * 400 with nothing sent yet, the problem is sent instead of the empty body.
 */
@Component
final class UnparsableUrlAnswers implements NettyServerCustomizer {

    private final AdminProblemHandler handler;

    UnparsableUrlAnswers(AdminProblemHandler handler) {
        this.handler = handler;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.mapHandle((handled, connection) -> handled.then(Mono.defer(() -> problemFor(connection))));
    }

    private Mono<Void> problemFor(Connection connection) {
        if (!(connection instanceof HttpServerResponse response) || response.hasSentHeaders()
                || response.status().code() != 400) {
            return Mono.empty();
        }
        AdminProblems.Answer answer = handler.problems().of(new UnparsableUrlException());
        // No instance: the path is what cannot be read (Reactor Netty's own path parsing fails on it too).
        byte[] body = handler.body(answer, null);
        response.header("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .header("Content-Length", Integer.toString(body.length));
        if ("HEAD".equals(response.method().name())) {
            return response.send();
        }
        return response.sendByteArray(Mono.just(body)).then();
    }
}
