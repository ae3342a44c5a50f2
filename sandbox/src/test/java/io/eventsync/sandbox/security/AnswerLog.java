package io.eventsync.sandbox.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The test's only HTTP client: it keeps every answer it got, status, headers and body, each under
 * the group the leak report names it by, so that no answer escapes the search.
 */
final class AnswerLog {

    /** One answer, as the search reads it. */
    record Answer(String group, String request, int status, String headers, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Answer> answers = new ArrayList<>();

    HttpResponse<String> send(String group, HttpRequest request) {
        return send(group, request, UnaryOperator.identity());
    }

    /**
     * @param kept what of the body is searched: all of it, except where an answer must carry a secret
     *     (a token endpoint's answer is the token)
     */
    synchronized HttpResponse<String> send(String group, HttpRequest request, UnaryOperator<String> kept) {
        HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(bounded, HttpResponse.BodyHandlers.ofString());
            StringBuilder headers = new StringBuilder();
            response.headers().map().forEach((name, values) ->
                    values.forEach(value -> headers.append(name).append(": ").append(value).append('\n')));
            answers.add(new Answer(group, request.method() + " " + request.uri() + " -> " + response.statusCode(),
                    response.statusCode(), headers.toString(), kept.apply(response.body())));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    synchronized List<Answer> answers() {
        return List.copyOf(answers);
    }
}
