package io.eventsync.egress.admin;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers every failure of a request to this server as {@link AdminProblems} decides, as
 * {@code application/problem+json}. A controller advice sees only what controllers throw; this
 * sees as well what fails before a controller is chosen (the firewall, authentication, an unknown
 * path or method) or while a body is read, and it runs before Spring Boot's error handler, whose
 * JSON is another shape.
 */
@Component
final class AdminProblemHandler implements WebExceptionHandler, Ordered {

    private final AdminProblems problems = new AdminProblems();
    private final JsonMapper json;

    AdminProblemHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        // Spring Boot's DefaultErrorWebExceptionHandler is -1.
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        AdminProblems.Answer answer = problems.of(error);
        byte[] body = body(answer, exchange.getRequest().getPath().value());
        response.setStatusCode(answer.status());
        HttpHeaders headers = response.getHeaders();
        answer.headers().forEach((name, values) -> headers.put(name, values));
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            return response.setComplete();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    AdminProblems problems() {
        return problems;
    }

    /**
     * @param instance the path as sent, as text (a hostile one need not be a valid URI to be shown);
     *                 null for none
     */
    byte[] body(AdminProblems.Answer answer, String instance) {
        return json.writeValueAsBytes(tree(answer.problem(), instance));
    }

    /** RFC 9457's members first, then the extensions ({@code errors}) beside them, not nested. */
    private ObjectNode tree(ProblemDetail problem, String instance) {
        ObjectNode tree = json.createObjectNode();
        tree.put("type", problem.getType().toString());
        tree.put("title", problem.getTitle());
        tree.put("status", problem.getStatus());
        tree.put("detail", problem.getDetail());
        if (instance != null) {
            tree.put("instance", instance);
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach((name, value) -> tree.set(name, json.valueToTree(value)));
        }
        return tree;
    }
}
