package dev.closeout.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts notifications to webhooks: a Slack-compatible incoming webhook ({@code {"text": mrkdwn}}) and the generic
 * JSON webhook, signed with {@link WebhookSignature} when {@code closeout.notify.webhook-secret} is set
 * (docs/notifications.md, "Slack and webhooks").
 *
 * <p>Each call is one try; trying again is the caller's, so a failure says whether it may pass (408, 425, 429, 5xx,
 * time-outs, broken connections) or not (redirects, other 4xx). Both carry the same {@code X-Closeout-Delivery}
 * on every try, so a receiver can drop a delivery it already took.
 *
 * <p>A webhook URL carries its token in the path (Slack's is the whole secret): reasons and log lines name the
 * host only, and an answer's body is cut and cleared of the path before it is quoted.
 */
@Singleton
public class WebhookChannel {

    public static final String DELIVERY_HEADER = "X-Closeout-Delivery";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);
    /** A server asking for more than this is treated as asking for this: reminders should not wait a day. */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);
    /** Characters of an answer's body quoted in a reason: Slack's codes ({@code no_service}) fit with room. */
    static final int QUOTED_CHARS = 200;
    /** Bytes of an answer kept; the rest is not read, so a receiver cannot make us hold a large page. */
    private static final int KEPT_BYTES = 4 * QUOTED_CHARS;

    private final HttpClient client;
    private final Duration timeout;
    private final @Nullable String secret;
    private final JsonMapper json;
    private final Clock clock;

    WebhookChannel(NotifyConfiguration configuration, JsonMapper json, Clock clock) {
        this.timeout = configuration.webhookTimeout();
        this.secret = configuration.webhookSecret() == null || configuration.webhookSecret().isEmpty()
                ? null : configuration.webhookSecret();
        this.json = json;
        this.clock = clock;
        // a redirect would carry the body, and perhaps the signature, to a host nobody configured
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /** Posts {@code {"text": <mrkdwn>}} to a Slack-compatible incoming webhook. */
    public void sendSlack(String reference, String url, Message message) throws DeliveryException {
        byte[] body = serialise(Map.of("text", message.mrkdwn()));
        post(reference, url, body, false);
    }

    /** Posts {@link Message#json()} to a generic webhook, signed when a secret is configured. */
    public void sendJson(String reference, String url, Message message) throws DeliveryException {
        byte[] body = serialise(message.json());
        post(reference, url, body, secret != null);
    }

    private void post(String reference, String url, byte[] body, boolean signed) throws DeliveryException {
        Target target;
        try {
            target = Target.of(url);
        } catch (DeliveryException e) {
            throw failed(reference, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri())
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Closeout")
                .header(DELIVERY_HEADER, reference)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signed) {
            request.header(WebhookSignature.HEADER, WebhookSignature.header(secret, body));
        }
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request.build(), answer -> new FirstBytes());
        HttpResponse<String> answer;
        try {
            // the request's time-out ends with the status line; this one also bounds a body that trickles
            answer = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw failed(reference, DeliveryException.passing(
                    "interrupted while delivering to the webhook at " + target.host(), null, e));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw failed(reference, DeliveryException.passing(silent(target), null, e));
        } catch (ExecutionException e) {
            throw failed(reference, DeliveryException.passing(broken(target, e.getCause()), null, e.getCause()));
        }
        int status = answer.statusCode();
        if (status / 100 == 2) {
            LOG.debug("webhook at {} took delivery {} ({})", target.host(), reference, status);
            return;
        }
        String reason = "webhook at " + target.host() + " answered " + status
                + (status / 100 == 3 ? " (a redirect, not followed: the URL must be the webhook's own)" : "")
                + target.quote(answer.body());
        if (status == 408 || status == 425 || status == 429 || status / 100 == 5) {
            throw failed(reference, DeliveryException.passing(reason, retryAfter(answer), null));
        }
        throw failed(reference, DeliveryException.permanent(reason, null));
    }

    private byte[] serialise(Object body) throws DeliveryException {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            // the same message fails the same way on every try
            throw DeliveryException.permanent("the webhook body could not be written as JSON: " + e.getMessage(), e);
        }
    }

    private String silent(Target target) {
        return "webhook at " + target.host() + " did not answer within " + timeout.toMillis() + " ms";
    }

    private String broken(Target target, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return "could not connect to the webhook at " + target.host() + " (" + cause.getClass().getSimpleName()
                    + ")";
        }
        if (cause instanceof HttpTimeoutException) {
            return silent(target);
        }
        // the exception's own message is left out: it may quote the URL
        return "the connection to the webhook at " + target.host() + " broke (" + cause.getClass().getSimpleName()
                + ")";
    }

    private static DeliveryException failed(String reference, DeliveryException e) {
        LOG.info("delivery {} {}: {}", reference, e.isPermanent() ? "refused" : "not taken, to be tried again", e.getMessage());
        return e;
    }

    /** {@code Retry-After} as seconds or as an HTTP date, capped at {@link #LONGEST_RETRY_AFTER}. */
    private @Nullable Duration retryAfter(HttpResponse<?> answer) {
        String value = answer.headers().firstValue("Retry-After").map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        Duration wait;
        if (value.chars().allMatch(Character::isDigit)) {
            wait = value.length() > 9 ? LONGEST_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                wait = Duration.between(clock.instant(), at.toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
    }

    /**
     * Where a webhook goes, and the words that must never be repeated: the path's and query's parts, which
     * carry the token.
     */
    private record Target(URI uri, String host, List<String> secrets) {

        static Target of(String url) throws DeliveryException {
            URI uri;
            try {
                uri = new URI(url == null ? "" : url.strip());
            } catch (URISyntaxException e) {
                // the exception quotes the URL, so it is not kept as the cause
                throw DeliveryException.permanent("the webhook URL is not a URL", null);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw DeliveryException.permanent("the webhook URL is not an http(s) URL with a host", null);
            }
            List<String> secrets = new ArrayList<>();
            for (String hidden : List.of(pathAndQuery(uri.getRawPath(), uri.getRawQuery()),
                    pathAndQuery(uri.getPath(), uri.getQuery()))) {
                secrets.add(hidden);
                for (String part : hidden.split("[/?&=]")) {
                    // short parts are words like "hooks" or ids like "T000"; tokens are long
                    if (part.length() >= 8) {
                        secrets.add(part);
                    }
                }
            }
            secrets.removeIf(s -> s.length() <= 1);
            return new Target(uri, uri.getHost(), List.copyOf(secrets));
        }

        private static String pathAndQuery(@Nullable String path, @Nullable String query) {
            return (path == null ? "" : path) + (query == null ? "" : "?" + query);
        }

        /** The host alone, should a target ever be printed. */
        @Override
        public String toString() {
            return host;
        }

        /** {@code ": <the body's start on one line>"}, or nothing for an empty body; never the URL's path. */
        String quote(String body) {
            String line = body.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
            for (String secret : secrets) {
                line = line.replace(secret, "…");
            }
            if (line.isEmpty()) {
                return "";
            }
            if (line.length() > QUOTED_CHARS) {
                int end = Character.isHighSurrogate(line.charAt(QUOTED_CHARS - 1)) ? QUOTED_CHARS - 1 : QUOTED_CHARS;
                line = line.substring(0, end) + "…";
            }
            return ": " + line;
        }
    }

    /** The first {@link #KEPT_BYTES} of an answer as UTF-8; the connection is dropped rather than read further. */
    private static final class FirstBytes implements HttpResponse.BodySubscriber<String> {

        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                byte[] bytes = new byte[Math.min(buffer.remaining(), KEPT_BYTES - kept.size())];
                buffer.get(bytes);
                kept.writeBytes(bytes);
            }
            if (kept.size() >= KEPT_BYTES) {
                subscription.cancel();
                onComplete();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(kept.toString(StandardCharsets.UTF_8));
        }
    }
}
