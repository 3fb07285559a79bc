package dev.closeout.integrations.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.closeout.integrations.tracker.TrackerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP layer both Jira adapters share: authentication, time-outs, JSON, retries and the mapping of
 * refusals to the port's errors.
 *
 * <p>Retries follow {@link RetryPolicy}: after {@code Retry-After} on 429 and 503, else exponential backoff
 * with full jitter, every pause capped at {@code maxBackoff}. {@link JiraRequest.Repeat#SAFE} calls are also
 * repeated after time-outs, dropped connections and 500/502/504; {@link JiraRequest.Repeat#UNSAFE} ones
 * (create, transition) only after 429, 503 and connections that never opened, because in those cases Jira
 * did nothing, while a lost answer may hide a write.
 */
final class JiraHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Logger LOG = LoggerFactory.getLogger(JiraHttp.class);

    private final HttpClient client;
    private final String apiBase;
    private final String apiPath;
    private final String authorization;
    private final Duration readTimeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final JiraErrors errors;

    /**
     * @param apiPath             {@code /rest/api/3} or {@code /rest/api/2}
     * @param authorization       the whole {@code Authorization} header value; never printed
     * @param credentialSettings  the settings a 401 asks the operator to check
     */
    JiraHttp(JiraConnection connection, String apiPath, String authorization, String credentialSettings,
             Sleeper sleeper) {
        this.client = HttpClient.newBuilder().connectTimeout(connection.connectTimeout()).build();
        String site = connection.baseUrl().toString().replaceAll("/+$", "");
        this.apiBase = site + apiPath;
        this.apiPath = URI.create(apiBase).getRawPath();
        this.authorization = authorization;
        this.readTimeout = connection.readTimeout();
        this.retry = connection.retry();
        this.sleeper = sleeper;
        this.errors = new JiraErrors(credentialSettings);
    }

    /**
     * Sends the call, repeating it as far as it is safe to.
     *
     * @return a 2xx answer or one of the statuses the request says it reads itself
     * @throws dev.closeout.integrations.tracker.TrackerException for every other outcome
     */
    JiraResponse send(JiraRequest request) {
        String call = request.method() + " " + apiPath + "/" + request.path();
        HttpRequest http = build(request);
        boolean unsafe = request.repeat() == JiraRequest.Repeat.UNSAFE;
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= retry.attempts();
            Duration pause;
            try {
                HttpResponse<String> answer = client.send(http, HttpResponse.BodyHandlers.ofString());
                JiraResponse response = new JiraResponse(answer.statusCode(), parse(answer.body()));
                int status = response.status();
                if (status / 100 == 2 || request.answers().contains(status)) {
                    return response;
                }
                Optional<Duration> retryAfter = retryAfter(answer);
                boolean repeatable = status == 429 || status == 503
                        || (!unsafe && (status == 500 || status == 502 || status == 504));
                if (!repeatable || last) {
                    throw errors.refused(call, request, response, retryAfter.orElse(null), attempt);
                }
                pause = retryAfter.isPresent() ? capped(retryAfter.get()) : backoff(attempt);
                LOG.info("Jira answered {} to {}; trying again in {} ms (try {} of {})", status, call,
                        pause.toMillis(), attempt + 1, retry.attempts());
            } catch (HttpConnectTimeoutException | ConnectException e) {
                // no connection, so nothing was sent: even a create may try again
                if (last) {
                    throw new TrackerUnavailableException("could not connect to Jira for " + call + " after "
                            + JiraErrors.tries(attempt) + ": " + e.getClass().getSimpleName(), 0, false, e);
                }
                pause = backoff(attempt);
                LOG.info("could not connect to Jira for {}; trying again in {} ms", call, pause.toMillis());
            } catch (IOException e) {
                // a time-out or a dropped connection after the request went out: a write may have happened
                String what = e instanceof HttpTimeoutException
                        ? "Jira did not answer " + call + " within " + readTimeout.toMillis() + " ms"
                        : "the connection to Jira broke during " + call + " (" + e.getClass().getSimpleName() + ")";
                if (unsafe) {
                    throw new TrackerUnavailableException(what + "; the request may have been carried out",
                            0, true, e);
                }
                if (last) {
                    throw new TrackerUnavailableException(what + " (" + JiraErrors.tries(attempt) + ")", 0, false, e);
                }
                pause = backoff(attempt);
                LOG.info("{}; trying again in {} ms", what, pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrackerUnavailableException("interrupted while waiting for Jira on " + call, 0, unsafe, e);
            }
            pauseFor(pause, call);
        }
    }

    private HttpRequest build(JiraRequest request) {
        String query = request.encodedQuery();
        URI uri = URI.create(apiBase + "/" + request.path() + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(request.body()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .method(request.method(), body);
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder.build();
    }

    private void pauseFor(Duration pause, String call) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // only repeatable answers lead here: for a create, Jira had said it did nothing
            throw new TrackerUnavailableException("interrupted while waiting to repeat " + call, 0, false, e);
        }
    }

    /** Full jitter: a random pause up to the exponential step, so that many clients do not retry together. */
    private Duration backoff(int attempt) {
        long step = retry.firstBackoff().toMillis() << Math.min(attempt - 1, 30);
        long ceiling = Math.min(Math.max(step, 0), retry.maxBackoff().toMillis());
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private Duration capped(Duration pause) {
        return pause.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : pause;
    }

    /** {@code Retry-After} in seconds, the form Jira sends; an HTTP date falls back to backoff. */
    private static Optional<Duration> retryAfter(HttpResponse<?> answer) {
        return answer.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // a 401 from a proxy or an HTML error page: the status alone has to do
            return MissingNode.getInstance();
        }
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
