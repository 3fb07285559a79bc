package dev.closeout.web.page;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Session cookies and CSRF tokens, stateless so that every instance accepts what another issued: the cookie is
 * {@code v1.<token reference>.<expiry>.<session id>.<HMAC-SHA256>} signed with the configured secret; it never
 * holds the token itself. A session ended by sign-out is refused by every instance ({@link SignedOutSessions});
 * the browser drops its cookie at once.
 */
@Singleton
class SessionCookies {

    static final String COOKIE = "closeout_session";
    private static final Logger LOG = LoggerFactory.getLogger(SessionCookies.class);
    private static final String VERSION = "v1";
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;
    private final String contextPath;
    private final SecureRandom random = new SecureRandom();
    private final SignedOutSessions signedOut;

    SessionCookies(WebSessionConfiguration configuration, Clock clock, SignedOutSessions signedOut,
                   @Value("${micronaut.server.context-path:}") String contextPath) {
        this.signedOut = signedOut;
        this.ttl = configuration.sessionTtl();
        this.clock = clock;
        this.contextPath = contextPath;
        byte[] secret;
        if (configuration.sessionSecret() == null || configuration.sessionSecret().isBlank()) {
            secret = new byte[32];
            random.nextBytes(secret);
            LOG.warn("closeout.web.session-secret (CLOSEOUT_WEB_SESSION_SECRET) is not set: web sessions are signed "
                    + "with a random key of this process, so they end when it restarts and other instances refuse them");
        } else {
            secret = configuration.sessionSecret().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A new session for the token {@code reference}, with an id never used before. */
    PageSession start(String reference) {
        byte[] id = new byte[18];
        random.nextBytes(id);
        return new PageSession(BASE64.encodeToString(id), reference,
                Instant.ofEpochSecond(clock.instant().plus(ttl).getEpochSecond()));
    }

    /** The cookie that carries {@code session} back with each request of this browser. */
    Cookie cookie(PageSession session, HttpRequest<?> request) {
        String payload = String.join(".", VERSION, session.reference(),
                Long.toString(session.expiresAt().getEpochSecond()), session.id());
        return base(payload + "." + sign(payload), request).maxAge(ttl);
    }

    /** The cookie that makes the browser forget its session. */
    Cookie cleared(HttpRequest<?> request) {
        return base("", request).maxAge(0);
    }

    /** The session of a request's cookie: signed with our key, not expired, not signed out. */
    Optional<PageSession> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).flatMap(cookie -> parse(cookie.getValue()));
    }

    /** Ends {@code session}: every instance refuses its cookie from now on. */
    void end(PageSession session) {
        signedOut.end(session);
    }

    /** The CSRF token of {@code session}: forms that change something carry it, and are refused without it. */
    String csrfToken(PageSession session) {
        return sign("csrf." + session.id());
    }

    boolean isCsrfTokenOf(PageSession session, String presented) {
        return presented != null && MessageDigest.isEqual(csrfToken(session).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<PageSession> parse(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                return Optional.empty();
            }
        }
        String payload = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[4].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // the signature first, so a made-up cookie never costs a database lookup
        if (!clock.instant().isBefore(expiresAt) || signedOut.isEnded(parts[3])) {
            return Optional.empty();
        }
        return Optional.of(new PageSession(parts[3], parts[1], expiresAt));
    }

    private Cookie base(String value, HttpRequest<?> request) {
        return Cookie.of(COOKIE, value).httpOnly(true).sameSite(SameSite.Lax).secure(isHttps(request))
                .path(contextPath.isEmpty() ? "/" : contextPath);
    }

    /** Over HTTPS, or behind a proxy that says the browser used HTTPS. */
    static boolean isHttps(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
