package dev.closeout.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The signature on a generic webhook's body: {@code X-Closeout-Signature: sha256=<lower-case hex HMAC-SHA256 of
 * the body bytes as sent>}, keyed with {@code closeout.notify.webhook-secret}, so a receiver can tell a delivery
 * from Closeout from one anybody who learnt the URL could post (docs/notifications.md, "Slack and webhooks").
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Closeout-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** The header's value for {@code body} signed with {@code secret}, which must not be empty. */
    public static String header(String secret, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook-secret: must not be empty, an empty key signs nothing");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
