package dev.closeout.notify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    /** RFC 4231, test case 2: what any HMAC-SHA256 library computes for it. */
    @Test
    void signsWithHmacSha256InLowerCaseHex() {
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.header("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void refusesAnEmptySecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookSignature.header("", new byte[0]));
        assertTrue(e.getMessage().startsWith("webhook-secret: "), e.getMessage());
    }
}
