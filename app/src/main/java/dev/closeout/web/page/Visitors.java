package dev.closeout.web.page;

import dev.closeout.security.ApiTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The visitor of a page request, from its session cookie: the cookie must be valid and its token still stored,
 * so revoking a token ends its sessions too (within the token cache's TTL). Only pages ask here: the session
 * cookie never authenticates {@code /api}, which takes bearer tokens only, so a forged cross-site request
 * cannot reach the API with it.
 */
@Singleton
class Visitors {

    private final SessionCookies cookies;
    private final ApiTokens tokens;

    Visitors(SessionCookies cookies, ApiTokens tokens) {
        this.cookies = cookies;
        this.tokens = tokens;
    }

    Optional<Visitor> of(HttpRequest<?> request) {
        return cookies.read(request).flatMap(session -> tokens.callerOf(session.reference())
                .map(caller -> new Visitor(session, caller, cookies.csrfToken(session))));
    }

    /**
     * Whether a form that changes something may be acted on: posted from our own pages ({@link SameOrigin}) with
     * the visitor's session's CSRF token. Role and team scope are checked after this, by the service the form
     * calls, exactly as for the API.
     */
    boolean formAllowed(HttpRequest<?> request, Visitor visitor, @Nullable String csrf) {
        return SameOrigin.allows(request) && cookies.isCsrfTokenOf(visitor.session(), csrf);
    }

    /** Sends a visitor without a session to sign in, and back to the page asked for afterwards. */
    static HttpResponse<?> toLogin(HttpRequest<?> request) {
        String asked = request.getUri().getRawPath()
                + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery());
        return InPlace.seeOther(request, UriBuilder.of("/login").queryParam("next", asked).build());
    }
}
