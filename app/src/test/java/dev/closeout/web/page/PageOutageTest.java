package dev.closeout.web.page;

import dev.closeout.support.TestDatabase;
import dev.closeout.support.TwoTeams;
import dev.closeout.web.CuttableProxy;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network to the database is cut under a running server while a person is signed in, and mended. Meanwhile
 * a page, the follow-ups list, a form and sign-in each answer a 503 page that says the database is away and to
 * try again (Retry-After), not a 500 and not the API's JSON; afterwards the same pages and the same form work
 * without a restart, and what was stored before is all there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageOutageTest {

    private static final Pattern SESSION = Pattern.compile(PageTestBase.COOKIE + "=([^;]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private CuttableProxy proxy;
    private EmbeddedServer server;

    @BeforeAll
    void startServerBehindProxy() throws IOException {
        URI database = URI.create(TestDatabase.url().substring("jdbc:".length()));
        proxy = new CuttableProxy(database.getHost(), database.getPort());
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.put("datasources.default.url", "jdbc:mysql://127.0.0.1:" + proxy.port() + database.getPath()
                + (database.getQuery() == null ? "" : "?" + database.getQuery()));
        server = ApplicationContext.run(EmbeddedServer.class, Map.copyOf(properties), "test");
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        proxy.close();
    }

    @Test
    void pagesFormsAndSignInAnswerA503PageWhileTheDatabaseIsAwayAndWorkAgainOnceItIsBack() throws Exception {
        String token = apiToken();
        long followUp = importedFollowUp();
        String session = signIn(token);
        String shown = send(page("/follow-ups/" + followUp, session)).body();
        Map<String, String> done = Map.of("csrf", match(CSRF, shown), "version", match(VERSION, shown),
                "to", "in_progress");
        String before = api("/api/actions/" + followUp).body();

        proxy.cut();
        HttpResponse<String> weekly = send(page("/", session));
        HttpResponse<String> list = send(page("/follow-ups?status=open", session));
        HttpResponse<String> form = send(post("/follow-ups/" + followUp + "/status", session, done));
        HttpResponse<String> login = send(post("/login", null, Map.of("token", token, "next", "/follow-ups")));

        for (HttpResponse<String> answer : List.of(weekly, list, form, login)) {
            String what = answer.request().method() + " " + answer.request().uri().getPath();
            assertEquals(503, answer.statusCode(), () -> what + ": " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), what);
            assertTrue(answer.headers().firstValue("Retry-After").orElse("").matches("\\d+"), what);
            Document page = Jsoup.parse(answer.body());
            assertEquals(BrowserErrorPages.DATABASE_AWAY, page.select("[role=alert]").text(), what);
            assertEquals("503 Service Unavailable · Closeout", page.title(), what + ": the tab says what happened");
            assertFalse(answer.body().contains("jdbc") || answer.body().contains("Exception"), what);
        }
        assertTrue(login.headers().allValues("Set-Cookie").isEmpty(), "no session is started during the outage");

        proxy.mend();
        HttpResponse<String> again = send(page("/", session));
        Instant deadline = Instant.now().plusSeconds(60);
        while (again.statusCode() == 503 && Instant.now().isBefore(deadline)) {
            again = send(page("/", session));
        }
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(before, api("/api/actions/" + followUp).body(), "the follow-up is as it was before the cut");
        assertEquals(200, send(page("/follow-ups?status=open", session)).statusCode());
        HttpResponse<String> resent = send(post("/follow-ups/" + followUp + "/status", session, done));
        assertEquals(303, resent.statusCode(), resent.body());
        assertTrue(api("/api/actions/" + followUp).body().contains("\"status\":\"in_progress\""));
        assertEquals(303, send(post("/login", null, Map.of("token", token))).statusCode(), "sign-in works again");
    }

    /** An editor's token, as the admin makes one for a person. */
    private String apiToken() throws Exception {
        HttpResponse<String> made = send(HttpRequest.newBuilder(server.getURI().resolve("/api/tokens"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"outage-editor\",\"role\":\"editor\"}"))
                .build());
        assertEquals(201, made.statusCode(), made.body());
        return match(Pattern.compile("\"token\":\"([^\"]+)\""), made.body());
    }

    /** The first follow-up of a postmortem imported through the API, one of its own: the database is not emptied. */
    private long importedFollowUp() throws Exception {
        HttpResponse<String> imported = send(HttpRequest.newBuilder(server.getURI().resolve(
                        "/api/postmortems?source=outage-" + System.nanoTime() + ".md"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "text/markdown")
                .POST(HttpRequest.BodyPublishers.ofString(TwoTeams.SEARCH_INCIDENT.replace("empty for 40 minutes",
                        "empty for " + System.nanoTime() + " seconds"))).build());
        assertTrue(imported.statusCode() == 200 || imported.statusCode() == 201, imported.body());
        return Long.parseLong(match(Pattern.compile("\"actions\":\\[\\{\"id\":(\\d+)"), imported.body()));
    }

    private String signIn(String token) throws Exception {
        HttpResponse<String> signedIn = send(post("/login", null, Map.of("token", token)));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        return match(SESSION, String.join("\n", signedIn.headers().allValues("Set-Cookie")));
    }

    private HttpResponse<String> api(String path) throws Exception {
        return send(HttpRequest.newBuilder(server.getURI().resolve(path)).header("Authorization", "Bearer " + ADMIN)
                .GET().build());
    }

    /** A page as a browser asks for it. */
    private HttpRequest page(String path, String session) {
        return HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "text/html")
                .header("Cookie", PageTestBase.COOKIE + "=" + session).GET().build();
    }

    /** A form as a browser posts it, with the session cookie when there is one. */
    private HttpRequest post(String path, String session, Map<String, String> fields) {
        String form = new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            request.header("Cookie", PageTestBase.COOKIE + "=" + session);
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), () -> pattern + " not in " + text);
        return matcher.group(1);
    }
}
