package dev.closeout.web.page;

import dev.closeout.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances behind one load balancer share the session secret and the database: a browser signed out through
 * one of them must be refused by the other, or a copied cookie outlives its sign-out on half the requests.
 */
class SignOutEverywhereTest extends PageTestBase {

    private static final String SECRET = "a session secret both instances are configured with";

    private EmbeddedServer other;
    private final HttpClient browser = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        return instance(super.getProperties());
    }

    private static Map<String, String> instance(Map<String, String> base) {
        Map<String, String> properties = new HashMap<>(base);
        properties.put("closeout.web.session-secret", SECRET);
        properties.put("closeout.security.token-cache-ttl", "0s");
        return properties;
    }

    @BeforeAll
    void startTheOtherInstance() {
        other = ApplicationContext.run(EmbeddedServer.class, Map.copyOf(instance(TestDatabase.properties())), "test");
    }

    @AfterAll
    void stopTheOtherInstance() {
        other.close();
    }

    @Test
    void aSessionSignedOutOnOneInstanceIsRefusedByTheOther() throws Exception {
        String session = signIn(token("alice", "reader"));
        assertEquals(200, otherInstancePage(session), "the other instance accepts the session it did not issue");

        HttpResponse<String> out = send(HttpRequest.POST("/logout", Map.of("csrf", csrfOf(body(page("/", session)))))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of(COOKIE, session)));
        assertEquals(HttpStatus.SEE_OTHER, out.getStatus());

        assertEquals(303, otherInstancePage(session), "signed out everywhere, not only where it was asked");
        assertEquals(HttpStatus.SEE_OTHER, page("/", session).getStatus());
    }

    @Test
    void signingOutTwiceFromTwoTabsIsTheSameAsOnce() {
        String session = signIn(token("bob", "reader"));
        String csrf = csrfOf(body(page("/", session)));
        for (int tab = 0; tab < 2; tab++) {
            HttpResponse<String> out = send(HttpRequest.POST("/logout", Map.of("csrf", csrf))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of(COOKIE, session)));
            assertEquals(HttpStatus.SEE_OTHER, out.getStatus(), "tab " + tab);
        }
        String again = signIn(token("carol", "reader"));
        assertEquals(HttpStatus.OK, page("/", again).getStatus(), "a new sign-in is a new session");
    }

    private int otherInstancePage(String session) throws IOException, InterruptedException {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(other.getURL() + "/"))
                .header("Cookie", COOKIE + "=" + session).header("Accept", "text/html").GET().build();
        return browser.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
