package dev.closeout.integrations.jira.fake;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

/** Sends deliveries the way Jira's admin webhooks do: raw JSON body, identifier header, optional HMAC signature. */
final class Webhooks {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Webhooks() {}

    static int send(URI target, String secret, WebhookDelivery delivery, Integer retryNumber) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Atlassian-Webhook-Identifier", delivery.identifier())
                .header("X-Atlassian-Webhook-Flow", "Primary")
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        if (secret != null) {
            request.header("X-Hub-Signature", "sha256=" + hmacSha256Hex(secret, delivery.body()));
        }
        if (retryNumber != null) {
            request.header("X-Atlassian-Webhook-Retry", String.valueOf(retryNumber));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
