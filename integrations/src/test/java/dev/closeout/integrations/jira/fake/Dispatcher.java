package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Turns one HTTP exchange into a handler call, in Jira's order of checks: authentication, then (the fake's own
 * addition) conformance to the OpenAPI spec, then injected faults, then the resource itself.
 */
final class Dispatcher implements HttpHandler {
    private final FakeStore store;
    private final List<Route> routes;
    private final Faults faults = new Faults();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile boolean credentialsValid = true;
    private volatile Duration lostResponseHold = Duration.ofSeconds(3);

    Dispatcher(FakeStore store) {
        this.store = store;
        List<Route> all = new ArrayList<>();
        all.addAll(new IssueResource(store).routes());
        all.addAll(new IssueDetailsResource(store).routes());
        all.addAll(new SearchResource(store).routes());
        all.addAll(new UserResource(store).routes());
        all.addAll(new MetaResource(store).routes());
        this.routes = List.copyOf(all);
    }

    Faults faults() { return faults; }
    List<RecordedRequest> requests() { return List.copyOf(requests); }
    void resetRequests() { requests.clear(); }
    List<String> violations() { return List.copyOf(violations); }
    void credentialsValid(boolean valid) { credentialsValid = valid; }
    void lostResponseHold(Duration hold) { lostResponseHold = hold; }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, List<String>> query = parseQuery(exchange.getRequestURI().getRawQuery());
            Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);

            Route route = null;
            List<String> groups = null;
            for (Route candidate : routes) {
                Optional<List<String>> m = candidate.match(method, path);
                if (m.isPresent()) {
                    route = candidate;
                    groups = m.get();
                    break;
                }
            }
            String operationId = route == null ? null : route.operationId();
            Reply reply = reply(exchange, method, path, query, headers, body, route, groups);
            requests.add(new RecordedRequest(method, path, query, headers, body, operationId, reply.lost ? -1 : reply.status));
            if (reply.lost) {
                sleep(lostResponseHold);
                return; // closing without a response: the client sees a timeout or a dropped connection
            }
            send(exchange, reply.status, reply.contentType, reply.body);
        } finally {
            exchange.close();
        }
    }

    private record Reply(int status, String contentType, byte[] body, boolean lost) {
        static Reply json(int status, JsonNode body) {
            return new Reply(status, "application/json;charset=UTF-8",
                    body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8), false);
        }
    }

    private Reply reply(HttpExchange exchange, String method, String path, Map<String, List<String>> query,
                        Map<String, List<String>> headers, String body, Route route, List<String> groups) {
        List<String> problems = path.startsWith("/rest/api/")
                ? SpecValidator.validate(method, path, query, headers, body) : List.of();
        if (!problems.isEmpty()) {
            violations.add(method + " " + path + ": " + String.join("; ", problems));
        }
        if (!authenticated(path, exchange.getRequestHeaders().getFirst("Authorization"))) {
            // Jira's 401 body is not an ErrorCollection; clients must not depend on it
            exchange.getResponseHeaders().set("WWW-Authenticate", "OAuth realm=\"" + store.baseUrl() + "\"");
            return new Reply(401, "text/plain;charset=UTF-8",
                    "Client must be authenticated to access this resource.".getBytes(StandardCharsets.UTF_8), false);
        }
        if (!problems.isEmpty()) {
            return Reply.json(400, JiraError.collection(
                    List.of("fake-jira: request does not conform to the Jira OpenAPI spec: " + String.join("; ", problems)), Map.of()));
        }
        if (route == null) {
            return Reply.json(404, JiraError.collection(List.of("fake-jira: no such resource: " + method + " " + path), Map.of()));
        }
        if (path.startsWith("/rest/api/3/")) {
            exchange.getResponseHeaders().set("X-AAccountId", FakeStore.BOT.accountId());
        }
        Faults.Decision fault = faults.decide(route.operationId());
        sleep(fault.delay());
        if (fault.failStatus() != null) {
            return injectedFailure(exchange, fault);
        }
        Request request = new Request(Api.ofPath(groups.get(0)), groups.subList(1, groups.size()), query, body);
        Reply reply;
        try {
            Response response;
            synchronized (store) {
                response = route.handler().handle(request);
            }
            reply = Reply.json(response.status(), response.body());
        } catch (JiraError e) {
            reply = Reply.json(e.status, e.body);
        } catch (NumberFormatException e) {
            reply = Reply.json(400, JiraError.collection(List.of("Invalid number: " + e.getMessage()), Map.of()));
        } catch (RuntimeException e) {
            // a bug in the fake: answer like Jira's 500 so the test shows it rather than a hung connection
            reply = Reply.json(500, JiraError.collection(List.of("fake-jira internal error: " + e), Map.of()));
        }
        return fault.loseResponse() ? new Reply(reply.status, null, null, true) : reply;
    }

    private Reply injectedFailure(HttpExchange exchange, Faults.Decision fault) {
        int status = fault.failStatus();
        if (fault.retryAfterSeconds() != null && (status == 429 || status == 503)) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        if (status == 429) {
            Instant reset = Instant.now().plusSeconds(fault.retryAfterSeconds() == null ? 60 : fault.retryAfterSeconds())
                    .truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            exchange.getResponseHeaders().set("X-RateLimit-Reset",
                    DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC).format(reset));
            exchange.getResponseHeaders().set("RateLimit-Reason", "jira-burst-based");
            exchange.getResponseHeaders().set("X-RateLimit-Limit", "100");
            exchange.getResponseHeaders().set("X-RateLimit-Remaining", "0");
        }
        String message = switch (status) {
            case 429 -> "Rate limit exceeded.";
            case 503 -> "Service unavailable. Please try again later.";
            case 409 -> "The issue was updated concurrently. Please try again.";
            default -> "fake-jira: injected failure " + status;
        };
        return Reply.json(status, JiraError.collection(List.of(message), Map.of()));
    }

    /** Cloud paths take Basic email:token, Data Center paths a personal access token as Bearer. */
    private boolean authenticated(String path, String authorization) {
        if (!path.startsWith("/rest/")) {
            return true;
        }
        if (!credentialsValid || authorization == null) {
            return false;
        }
        if (path.startsWith("/rest/api/2/")) {
            return authorization.equals("Bearer " + FakeJira.PAT);
        }
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((FakeJira.EMAIL + ":" + FakeJira.API_TOKEN).getBytes(StandardCharsets.UTF_8));
        return authorization.equals(basic);
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
