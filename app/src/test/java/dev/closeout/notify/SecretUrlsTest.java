package dev.closeout.notify;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook URLs shown without their token, and recognised when a client sends that form back. */
class SecretUrlsTest {

    private static final String SLACK = "https://hooks.slack.com/services/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";
    private static final String GENERIC = "http://ops.example.com:8443/hooks/closeout?token=4f9c2e71d0b84a6f#x";

    @Test
    void keepsTheSchemeHostAndPortOnly() {
        assertEquals("https://hooks.slack.com/…", SecretUrls.redacted(SLACK));
        assertEquals("http://ops.example.com:8443/…", SecretUrls.redacted(GENERIC));
        assertEquals("https://hooks.slack.com/…", SecretUrls.redacted("HTTPS://Hooks.Slack.com/services/T1/B2/c3"));
        assertEquals("https://chat.example.com/…", SecretUrls.redacted("https://chat.example.com"));
        assertEquals("https://chat.example.com/…", SecretUrls.redacted("https://bot:s3cret@chat.example.com/hook"));
        assertNull(SecretUrls.redacted(null));
    }

    @Test
    void hidesWholeWhatIsNoUrlWithAHost() {
        assertEquals("…", SecretUrls.redacted("hooks.slack.com/services/T024BE7LD/B08QH3KTZ9S/Xq7vZk2m"));
        assertEquals("…", SecretUrls.redacted("https:///services/T024BE7LD"));
        assertEquals("…", SecretUrls.redacted("https://hooks slack com/services/Xq7vZk2m"));
        assertEquals("…", SecretUrls.redacted("pay-leads@example.com"));
    }

    @Test
    void recognisesTheRedactionOfTheStoredUrl() {
        assertTrue(SecretUrls.isRedactionOf("https://hooks.slack.com/…", SLACK));
        assertTrue(SecretUrls.isRedactionOf(" http://ops.example.com:8443/… ", GENERIC));
        assertFalse(SecretUrls.isRedactionOf("http://ops.example.com/…", GENERIC));
        assertFalse(SecretUrls.isRedactionOf(SLACK, SLACK));
        assertFalse(SecretUrls.isRedactionOf("https://hooks.slack.com/services/T024BE7LD/B08QH3KTZ9S/new", SLACK));
        assertFalse(SecretUrls.isRedactionOf("https://hooks.slack.com/…", null));
        assertFalse(SecretUrls.isRedactionOf(null, SLACK));
        // an e-mail escalation contact is no URL: "…" does not stand for it
        assertFalse(SecretUrls.isRedactionOf("…", "pay-leads@example.com"));
    }
}
