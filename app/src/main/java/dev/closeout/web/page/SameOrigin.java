package dev.closeout.web.page;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.net.URI;

/**
 * Whether a form was posted from our own pages, by its {@code Origin} header when the browser sends one: a
 * second guard besides the CSRF token, and the only one sign-in has (no session yet), so another site cannot
 * sign a browser in with the other site's token.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean allows(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        if (origin == null) {
            return true;
        }
        String host = request.getHeaders().get("X-Forwarded-Host");
        if (host == null) {
            host = request.getHeaders().get(HttpHeaders.HOST);
        }
        try {
            return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
