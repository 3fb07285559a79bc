package dev.closeout.web.page;

import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the page tests share: a client that does not follow redirects (a test sees the 303 and its cookie),
 * signing in through the form, and pages fetched with a session cookie.
 */
abstract class PageTestBase extends ApiTestBase {

    static final String COOKIE = "closeout_session";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("micronaut.http.client.follow-redirects", "false");
        return properties;
    }

    /** Posts the sign-in form; answers the response whatever its status. */
    HttpResponse<String> postLogin(String token, String next) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        if (next != null) {
            form.put("next", next);
        }
        return send(HttpRequest.POST("/login", form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    /** Signs in with {@code token} and answers the session cookie's value. */
    String signIn(String token) {
        HttpResponse<String> response = postLogin(token, null);
        return response.getCookie(COOKIE).orElseThrow(() -> new AssertionError("no session cookie: "
                + response.getHeaders().asMap())).getValue();
    }

    HttpResponse<String> page(String uri, String session) {
        return send(HttpRequest.GET(uri).cookie(Cookie.of(COOKIE, session)).accept(MediaType.TEXT_HTML_TYPE));
    }

    /** The response to {@code request}, error statuses included (their body as text). */
    @SuppressWarnings("unchecked")
    HttpResponse<String> send(MutableHttpRequest<?> request) {
        try {
            return client.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    static String body(HttpResponse<String> response) {
        return response.getBody(String.class).orElse("");
    }

    static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertTrue(matcher.find(), () -> "no CSRF field in " + html);
        return matcher.group(1);
    }
}
