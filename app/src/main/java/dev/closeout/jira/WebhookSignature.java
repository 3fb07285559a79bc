package dev.closeout.jira;

import io.micronaut.core.annotation.Nullable;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Jira's webhook signature: {@code X-Hub-Signature: sha256=<lower-case hex HMAC-SHA256 of the raw body>}
 * keyed with the webhook's secret. Checked on the bytes as they came, before any parsing, and compared in
 * constant time.
 */
final class WebhookSignature {

    static final String HEADER = "X-Hub-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    static boolean matches(String secret, byte[] body, @Nullable String header) {
        if (header == null || !header.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return false;
        }
        byte[] sent;
        try {
            sent = HexFormat.of().parseHex(header.strip().substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, body), sent);
    }

    private static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
