package dev.closeout.web.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, sessions, sign-out, CSRF and the pages' headers (docs/dashboard.md). */
class SignInPageTest extends PageTestBase {

    @Test
    void showsTheLoginFormWithOneTokenField() {
        HttpResponse<String> response = send(HttpRequest.GET("/login?next=/%3Fweek%3D2026-W10"));

        assertEquals(HttpStatus.OK, response.getStatus());
        String html = body(response);
        assertTrue(html.contains("<form method=\"post\" action=\"/login\">"), html);
        assertTrue(html.contains("name=\"token\" type=\"password\""), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"next\" value=\"/?week=2026-W10\">"), html);
    }

    @Test
    void signsInWithAGoodTokenAndSetsAnExpiringHttpOnlyCookie() {
        String reader = token("alice", "reader");

        HttpResponse<String> response = postLogin(reader, null);

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        assertEquals("/", response.header("Location"));
        String setCookie = response.header("Set-Cookie");
        assertTrue(setCookie.startsWith(COOKIE + "="), setCookie);
        assertTrue(setCookie.toLowerCase(Locale.ROOT).contains("; httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        // 12 hours by default
        assertTrue(setCookie.contains("Max-Age=43200"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: " + setCookie);
        assertFalse(setCookie.contains(reader), "the token itself never goes into the cookie");
    }

    @Test
    void marksTheCookieSecureBehindAnHttpsProxy() {
        HttpResponse<String> response = send(HttpRequest.POST("/login", Map.of("token", token("alice", "reader")))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("X-Forwarded-Proto", "https"));

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        assertTrue(response.header("Set-Cookie").contains("Secure"), response.header("Set-Cookie"));
    }

    @Test
    void showsTheFormAgainWithAMessageForAWrongToken() {
        HttpResponse<String> response = postLogin("co_not-a-token", "/");

        assertEquals(HttpStatus.UNAUTHORIZED, response.getStatus());
        assertTrue(body(response).contains("That token is not known"), body(response));
        assertTrue(body(response).contains("name=\"token\""));
        assertEquals(null, response.header("Set-Cookie"));
    }

    @Test
    void goesBackToTheLocalPageItWasSentFrom() {
        HttpResponse<String> response = postLogin(token("alice", "reader"), "/?week=2026-W09");

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        assertEquals("/?week=2026-W09", response.header("Location"));
    }

    @Test
    void ignoresANextPageOnAnotherSite() {
        String reader = token("alice", "reader");
        for (String next : List.of("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)",
                "/login")) {
            HttpResponse<String> response = postLogin(reader, next);

            assertEquals(HttpStatus.SEE_OTHER, response.getStatus(), next);
            assertEquals("/", response.header("Location"), next);
        }
    }

    @Test
    void refusesASignInPostedFromAnotherSite() {
        HttpResponse<String> response = send(HttpRequest.POST("/login", Map.of("token", token("alice", "reader")))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("Origin", "https://evil.example"));

        assertEquals(HttpStatus.FORBIDDEN, response.getStatus());
        assertEquals(null, response.header("Set-Cookie"));
    }

    @Test
    void sendsAPageWithoutASessionToSignIn() {
        HttpResponse<String> response = send(HttpRequest.GET("/?week=2026-W10&team=web"));

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        assertEquals("/login?next=%2F%3Fweek%3D2026-W10%26team%3Dweb", response.header("Location"));
    }

    @Test
    void refusesAForgedOrTamperedCookie() {
        String session = signIn(token("alice", "reader"));
        String[] parts = session.split("\\.");
        // another token's id under the same signature
        String tampered = String.join(".", parts[0], "t999", parts[2], parts[3], parts[4]);

        assertEquals(HttpStatus.SEE_OTHER, page("/", tampered).getStatus());
        assertEquals(HttpStatus.SEE_OTHER, page("/", "v1.t1.99999999999.abc.def").getStatus());
        assertEquals(HttpStatus.OK, page("/", session).getStatus());
    }

    @Test
    void refusesSignOutWithoutTheCsrfTokenAndKeepsTheSession() {
        String session = signIn(token("alice", "reader"));

        HttpResponse<String> without = send(HttpRequest.POST("/logout", Map.of("other", "x"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of(COOKIE, session)));
        HttpResponse<String> wrong = send(HttpRequest.POST("/logout", Map.of("csrf", "forged"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of(COOKIE, session)));

        assertEquals(HttpStatus.FORBIDDEN, without.getStatus());
        assertEquals(HttpStatus.FORBIDDEN, wrong.getStatus());
        assertEquals(null, wrong.header("Set-Cookie"));
        assertEquals(HttpStatus.OK, page("/", session).getStatus(), "still signed in");
    }

    @Test
    void signsOutWithTheCsrfTokenAndRefusesTheOldCookieAfter() {
        String session = signIn(token("alice", "reader"));
        String csrf = csrfOf(body(page("/", session)));

        HttpResponse<String> response = send(HttpRequest.POST("/logout", Map.of("csrf", csrf))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of(COOKIE, session)));

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        assertEquals("/login", response.header("Location"));
        assertTrue(response.header("Set-Cookie").startsWith(COOKIE + "=;"), response.header("Set-Cookie"));
        assertTrue(response.header("Set-Cookie").contains("Max-Age=0"), response.header("Set-Cookie"));
        assertEquals(HttpStatus.SEE_OTHER, page("/", session).getStatus(), "the old cookie is refused");
    }

    @Test
    void endsTheSessionsOfARevokedToken() {
        Map<String, Object> issued = client.retrieve(HttpRequest.POST("/api/tokens", Map.of("name", "alice",
                "role", "reader")).bearerAuth(ADMIN), JSON_OBJECT);
        String session = signIn((String) issued.get("token"));
        assertEquals(HttpStatus.OK, page("/", session).getStatus());

        client.exchange(HttpRequest.DELETE("/api/tokens/" + id(issued)).bearerAuth(ADMIN));

        HttpResponse<String> response = page("/", session);
        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        assertEquals("/login?next=%2F", response.header("Location"));
    }

    @Test
    void aSessionCookieDoesNotAuthenticateTheApi() {
        String session = signIn(ADMIN);

        HttpResponse<String> response = send(HttpRequest.GET("/api/actions").cookie(Cookie.of(COOKIE, session)));

        assertEquals(HttpStatus.UNAUTHORIZED, response.getStatus());
        assertEquals(HttpStatus.OK, send(HttpRequest.GET("/api/actions").bearerAuth(ADMIN)).getStatus(),
                "bearer tokens work as before");
    }

    @Test
    void sendsTheSecurityHeadersWithEveryPage() {
        String session = signIn(token("alice", "reader"));

        for (HttpResponse<String> response : List.of(send(HttpRequest.GET("/login")), page("/", session),
                postLogin("wrong", null), send(HttpRequest.GET("/")))) {
            String csp = response.header("Content-Security-Policy");
            assertTrue(csp.contains("default-src 'self'; script-src 'self'; style-src 'self'"), csp);
            assertTrue(csp.contains("object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"),
                    csp);
            assertEquals("nosniff", response.header("X-Content-Type-Options"));
            assertEquals("same-origin", response.header("Referrer-Policy"));
        }
    }

    @Test
    void servesTheStylesheetUnderItsHashForAYear() {
        String html = body(send(HttpRequest.GET("/login")));
        String url = html.replaceAll("(?s).*<link rel=\"stylesheet\" href=\"([^\"]+)\">.*", "$1");
        assertTrue(url.matches("/assets/closeout-[0-9a-f]{12}\\.css"), url);

        HttpResponse<String> css = send(HttpRequest.GET(url));

        assertEquals(HttpStatus.OK, css.getStatus());
        assertTrue(css.header("Content-Type").startsWith("text/css"), css.header("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", css.header("Cache-Control"));
        assertEquals(HttpStatus.NOT_FOUND, send(HttpRequest.GET("/assets/closeout-000000000000.css")).getStatus());
    }
}
