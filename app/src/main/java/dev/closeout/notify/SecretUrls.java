package dev.closeout.notify;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Webhook URLs carry their token in the path (Slack's {@code https://hooks.slack.com/services/T…/B…/secret}), so
 * whoever reads one can post to the channel. The API shows only {@link #redacted} forms, and what is written to a
 * log or an exception message is the redacted form or nothing.
 */
public final class SecretUrls {

    /** What stands for the path, query and anything else after the host. */
    static final String HIDDEN = "…";

    private SecretUrls() {
    }

    /**
     * {@code url} with everything after the host and port hidden: {@code https://hooks.slack.com/…}. Null stays
     * null; a text that is not a URL with a scheme and a host is hidden whole.
     */
    public static @Nullable String redacted(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return HIDDEN;
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/" + HIDDEN;
        } catch (URISyntaxException e) {
            return HIDDEN;
        }
    }

    /**
     * Whether {@code candidate} is what {@link #redacted} shows of {@code stored}: a client that sends back the
     * settings it read means to keep the URL, not to store its redacted form.
     */
    public static boolean isRedactionOf(@Nullable String candidate, @Nullable String stored) {
        String shown = redacted(stored);
        // an e-mail address (an escalation contact) is no URL: nothing sent back stands for it
        return candidate != null && shown != null && !shown.equals(HIDDEN) && candidate.strip().equals(shown);
    }

    /** Whether {@code url} is a redacted form, which is never a URL to store or post to. */
    static boolean isRedacted(String url) {
        return url.strip().endsWith(HIDDEN);
    }
}
