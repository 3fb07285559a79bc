package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where sign-in may send a browser afterwards: a path on this server only. Anything else (absolute URLs,
 * {@code //host} and {@code /\host}, which browsers read as another host, control characters) becomes
 * {@code /}, so a link to our login page cannot be used to send people elsewhere.
 */
final class LocalPath {

    static final String HOME = "/";

    private LocalPath() {
    }

    static String orHome(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/login")) {
            return HOME;
        }
        for (char c : next.toCharArray()) {
            if (c < 0x21 || c == '\\' || c == 0x7f) {
                return HOME;
            }
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : HOME;
        } catch (URISyntaxException e) {
            return HOME;
        }
    }
}
