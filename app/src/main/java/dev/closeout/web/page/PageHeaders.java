package dev.closeout.web.page;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The headers every page and its assets are sent with: no script but our own files (the chart scripts, htmx; no
 * inline one ever), no framing, no sniffing, no referrer to other sites. Pages are never cached, as they show a
 * signed-in person's data.
 */
@ServerFilter({"/", "/login", "/logout", "/weekly.*", "/follow-ups", "/follow-ups/**", "/postmortems",
        "/postmortems/**", "/recurring", "/recurring/**", "/import", AssetController.PATH + "/**"})
class PageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @ResponseFilter
    void secure(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
        response.header("X-Frame-Options", "DENY");
        if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
