package dev.closeout.web.page;

import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /postmortems}, {@code /postmortems/{id}} and {@code /import} on {@link TwoTeams}: the list answers what
 * {@code GET /api/postmortems} answers for the same parameters, one postmortem shows its facts, follow-ups, marked
 * lines and similar incidents, the root-cause form and the import form change things only as the API would let the
 * visitor, and a postmortem's text is escaped everywhere.
 */
class PostmortemPagesTest extends PageTestBase {

    private static final Pattern ROW_ID = Pattern.compile("<tr data-id=\"(\\d+)\">");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");

    /** About the same failure as the checkout outage: the checkout page lists it among its similar incidents. */
    static final String CHECKOUT_AGAIN = """
            # Incident PIR: Checkout API latency again (INC-2377)

            **Service:** Checkout
            **Incident start:** 2025-06-02 10:00 UTC
            **Incident end:** 2025-06-02 10:50 UTC

            ## Root cause
            A new release of the pricing service again ran an N+1 query against the orders database,
            exhausting the connection pool.

            ## Action items

            - Alert on connection pool saturation for the orders database
            - Add a query-count check to the pricing service's integration tests
            """;

    static final String SCRIPTED = """
            # Postmortem: <script>alert(1)</script> storefront

            **Service:** Storefront
            **Incident start:** 2025-07-01 08:00 UTC

            ## Root cause
            A banner with <script>alert(1)</script> in it broke the storefront's page after a deploy.

            ## Action items

            - Escape <script>alert(1)</script> in banners before they are published
            """;

    TwoTeams teams;

    @BeforeEach
    void setUpTwoTeams() {
        teams = TwoTeams.setUp(client);
    }

    @Test
    void sendsAVisitorWithoutASessionToSignInAndBack() {
        HttpResponse<String> list = send(HttpRequest.GET("/postmortems?service=checkout"));
        HttpResponse<String> one = send(HttpRequest.GET("/postmortems/" + teams.payCheckout));
        HttpResponse<String> importForm = send(HttpRequest.GET("/import"));

        assertEquals(HttpStatus.SEE_OTHER, list.getStatus());
        assertEquals("/login?next=%2Fpostmortems%3Fservice%3Dcheckout", list.header("Location"));
        assertEquals("/login?next=%2Fpostmortems%2F" + teams.payCheckout, one.header("Location"));
        assertEquals("/login?next=%2Fimport", importForm.header("Location"));
    }

    @Test
    void listsThePostmortemsNewestFirstWithTheirOpenFollowUps() {
        String html = flat(body(page("/postmortems", signIn(ADMIN))));

        assertEquals(List.of(teams.webSearch, teams.payBilling, teams.payCheckout), rowIds(html));
        assertTrue(html.contains("<a href=\"/postmortems/" + teams.payCheckout
                + "\">Incident PIR: Checkout API latency (INC-2291)</a>"), html);
        assertTrue(html.contains("<td class=\"nowrap\">2025-03-14</td>"), html);
        assertTrue(html.contains("<td class=\"count\">3 of 3</td>"), html);
    }

    @Test
    void countsOnlyTheFollowUpsStillOpen() {
        client.exchange(HttpRequest.POST("/api/actions/" + teams.checkoutActions.get(0) + "/transitions",
                Map.of("to", "not_doing", "reason", "the pool is replaced")).bearerAuth(ADMIN));

        String html = flat(body(page("/postmortems?service=checkout", signIn(ADMIN))));

        assertTrue(html.contains("<td class=\"count\">2 of 3</td>"), html);
    }

    @Test
    void filtersAsTheApiDoesForTheSameParameters() {
        String session = signIn(ADMIN);
        teams.importMarkdown("confluence/PAY/checkout-again.md", CHECKOUT_AGAIN);
        Map<String, Object> checkout = getJson("/api/postmortems/" + teams.payCheckout);
        Map<String, Object> rootCause = map(checkout.get("root_cause"));
        // the link the recurring-causes page makes: a cause and the period it was seen in
        String recurring = "component=" + rootCause.get("component") + "&trigger=" + rootCause.get("trigger")
                + "&from=2025-03-01&to=2025-03-31";

        for (String query : List.of("service=checkout", "service=CHECKOUT", "q=disk", "from=2025-04-01",
                "to=2025-04-30", "from=2025-04-01&to=2025-05-31", recurring)) {
            List<Long> shown = rowIds(body(page("/postmortems?" + query, session)));

            List<Long> api = list(getJson("/api/postmortems?" + query).get("items")).stream().map(PageTestBase::id)
                    .toList();
            assertFalse(api.isEmpty(), query);
            assertEquals(api, shown, query);
        }
        assertEquals(List.of(teams.payCheckout), rowIds(body(page("/postmortems?" + recurring, session))));
        assertEquals(List.of(teams.payCheckout), rowIds(body(page("/postmortems?" + recurring + "&team=pay", session))));
        assertEquals(List.of(), rowIds(body(page("/postmortems?" + recurring + "&team=web", session))));
    }

    @Test
    void keepsTheFilterOnTheNextPageLink() {
        String session = signIn(ADMIN);
        teams.importMarkdown("confluence/PAY/checkout-again.md", CHECKOUT_AGAIN);
        long again = rowIds(body(page("/postmortems?service=checkout", session))).get(0);

        String first = body(page("/postmortems?service=checkout&limit=1", session));
        String next = nextLink(first);
        String second = body(page(next, session));

        assertEquals(List.of(again), rowIds(first));
        assertTrue(next.startsWith("/postmortems?service=checkout&limit=1&cursor="), next);
        assertEquals(List.of(teams.payCheckout), rowIds(second));
        assertFalse(NEXT.matcher(second).find(), "the last page has no next page");
    }

    @Test
    void saysWhichFilterIsWrong() {
        HttpResponse<String> response = page("/postmortems?from=yesterday&component=dns", signIn(ADMIN));

        assertEquals(HttpStatus.BAD_REQUEST, response.getStatus());
        assertTrue(body(response).contains("from: &#39;yesterday&#39; is not a date (YYYY-MM-DD)"), body(response));
        assertTrue(body(response).contains("name=\"q\""), "the form is there to correct it");
    }

    @Test
    void listsATeamsPostmortemsAsItsOwnTokenDoes() {
        String session = signIn(ADMIN);

        for (String team : List.of(TwoTeams.WEB, TwoTeams.PAY)) {
            String token = TwoTeams.WEB.equals(team) ? teams.webReader : teams.payEditor;
            List<Long> api = list(getJson("/api/postmortems", token).get("items")).stream().map(PageTestBase::id)
                    .toList();
            assertEquals(api, rowIds(body(page("/postmortems?team=" + team, session))), team);
        }
        assertEquals(HttpStatus.BAD_REQUEST, page("/postmortems?team=nobody", session).getStatus());
        HttpResponse<String> otherTeam = page("/postmortems?team=pay", signIn(teams.webReader));
        assertEquals(HttpStatus.FORBIDDEN, otherTeam.getStatus());
        assertTrue(rowIds(body(otherTeam)).isEmpty());
    }

    @Test
    void aTeamsReaderListsItsTeamsPostmortemsOnlyAndCannotOpenAnothers() {
        String session = signIn(teams.webReader);

        assertEquals(List.of(teams.webSearch), rowIds(body(page("/postmortems", session))));
        assertEquals(HttpStatus.NOT_FOUND, page("/postmortems/" + teams.payCheckout, session).getStatus());
        assertEquals(HttpStatus.OK, page("/postmortems/" + teams.webSearch, session).getStatus());
    }

    @Test
    void answers404ForAnUnknownPostmortem() {
        HttpResponse<String> response = page("/postmortems/999999999", signIn(ADMIN));

        assertEquals(HttpStatus.NOT_FOUND, response.getStatus());
        assertTrue(body(response).contains("no postmortem with id 999999999"), body(response));
    }

    @Test
    void showsTheIncidentsFactsAndRootCause() {
        String html = flat(body(page("/postmortems/" + teams.payCheckout, signIn(ADMIN))));

        assertTrue(html.contains("<h1>Incident PIR: Checkout API latency (INC-2291)</h1>"), html);
        assertTrue(html.contains("<dt>Incident start</dt><dd>2025-03-14T14:05:00Z</dd>"), html);
        assertTrue(html.contains("<dt>Incident end</dt><dd>2025-03-14T15:47:00Z</dd>"), html);
        assertTrue(html.contains("<dt>Duration</dt><dd>1 h 42 min</dd>"), html);
        assertTrue(html.contains("<dt>Source</dt><dd>" + TwoTeams.CHECKOUT_SOURCE + "</dd>"), html);
        assertTrue(html.contains("introduced an N+1 query against the orders database"), html);
    }

    @Test
    void listsTheFollowUpsAndMarksTheLinesTheyComeFrom() {
        String html = flat(body(page("/postmortems/" + teams.payCheckout, signIn(ADMIN))));
        List<Map<String, Object>> actions = list(getJson("/api/postmortems/" + teams.payCheckout).get("actions"));

        for (Map<String, Object> action : actions) {
            String link = "href=\"/follow-ups/" + id(action) + "\"";
            assertTrue(html.contains("<a " + link + ">" + ((String) action.get("text")).replace("'", "&#39;") + "</a>"),
                    html);
            String line = sourceLine(html, ((Number) action.get("source_line")).intValue());
            assertTrue(line.contains("class=\"marked\""), line);
            assertTrue(line.contains(link + ">Follow-up #" + id(action) + " (open)</a>"), line);
        }
        assertEquals(3, count(html, "class=\"marked\""), "only the lines follow-ups come from");
        // the text's line as written, escaped as text
        assertTrue(sourceLine(html, 1).contains("<code># Incident PIR: Checkout API latency (INC-2291)</code>"),
                sourceLine(html, 1));
    }

    @Test
    void saysWhichFollowUpIsDismissedAndMarksNoLineForIt() {
        long dismissed = teams.checkoutActions.get(0);
        exchange(HttpRequest.POST("/api/actions/" + dismissed + "/dismiss",
                Map.of("reason", "the tests have it already")).bearerAuth(ADMIN));

        String html = flat(body(page("/postmortems/" + teams.payCheckout, signIn(ADMIN))));

        assertTrue(html.contains("dismissed: the tests have it already"), html);
        assertEquals(2, count(html, "class=\"marked\""), "the lines of the two follow-ups still there");
        assertFalse(html.contains("Follow-up #" + dismissed + " (open)"), html);
    }

    @Test
    void linksTheSimilarIncidents() {
        long again = id(teams.importMarkdown("confluence/PAY/checkout-again.md", CHECKOUT_AGAIN));
        List<Map<String, Object>> similar = list(getJson("/api/postmortems/" + teams.payCheckout + "/similar")
                .get("items"));

        String html = flat(body(page("/postmortems/" + teams.payCheckout, signIn(ADMIN))));

        assertEquals(again, id(map(similar.get(0).get("postmortem"))), "the API's best match");
        String similarSection = html.substring(html.indexOf("id=\"similar-title\""), html.indexOf("id=\"source-title\""));
        for (Map<String, Object> item : similar) {
            long other = id(map(item.get("postmortem")));
            assertTrue(similarSection.contains("<a href=\"/postmortems/" + other + "\">"), similarSection);
        }
        assertTrue(similarSection.contains("Incident PIR: Checkout API latency again (INC-2377)</a>"), similarSection);
    }

    @Test
    void anEditorCorrectsTheRootCauseAndOnlyWhatChangedIsCorrected() {
        String session = signIn(teams.payEditor);
        String page = body(page("/postmortems/" + teams.payCheckout, session));
        Map<String, Object> before = map(getJson("/api/postmortems/" + teams.payCheckout).get("root_cause"));
        String component = otherThan((String) before.get("component"), "cache", "network");

        HttpResponse<String> response = postRootCause(teams.payCheckout, session, csrfOf(page),
                (String) before.get("summary"), component, (String) before.get("trigger"));

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus(), body(response));
        assertEquals("/postmortems/" + teams.payCheckout, response.header("Location"));
        Map<String, Object> after = getJson("/api/postmortems/" + teams.payCheckout);
        assertEquals(component, map(after.get("root_cause")).get("component"));
        assertEquals(before.get("summary"), map(after.get("root_cause")).get("summary"));
        assertEquals(List.of("root_cause.component"), after.get("corrected_fields"));
        String shown = flat(body(page("/postmortems/" + teams.payCheckout, session)));
        assertTrue(shown.contains("<strong class=\"component\">" + component + "</strong>"), shown);
        assertTrue(shown.contains("<option value=\"" + component + "\" selected=\"selected\">"), shown);
    }

    @Test
    void refusesAComponentOutsideTheTaxonomyAndSaysWhichField() {
        String session = signIn(ADMIN);
        String page = body(page("/postmortems/" + teams.payCheckout, session));
        Map<String, Object> before = getJson("/api/postmortems/" + teams.payCheckout);

        HttpResponse<String> response = postRootCause(teams.payCheckout, session, csrfOf(page), "changed summary",
                "gremlins", null);

        assertEquals(HttpStatus.BAD_REQUEST, response.getStatus());
        String html = body(response);
        assertTrue(html.contains("root_cause.component: unknown value &#39;gremlins&#39;"), html);
        assertTrue(html.contains(">changed summary</textarea>"), "what was typed is kept: " + html);
        assertEquals(before, getJson("/api/postmortems/" + teams.payCheckout), "nothing changed");
    }

    @Test
    void refusesARootCauseFormWithoutOrWithAnotherCsrfToken() {
        String session = signIn(ADMIN);
        Map<String, Object> before = getJson("/api/postmortems/" + teams.payCheckout);

        HttpResponse<String> without = postRootCause(teams.payCheckout, session, null, "x", null, null);
        HttpResponse<String> forged = postRootCause(teams.payCheckout, session, "forged", "x", null, null);
        HttpResponse<String> otherSite = send(HttpRequest.POST("/postmortems/" + teams.payCheckout + "/root-cause",
                        Map.of("csrf", csrfOf(body(page("/postmortems", session))), "summary", "x"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of(COOKIE, session))
                .header("Origin", "https://evil.example"));

        assertEquals(HttpStatus.FORBIDDEN, without.getStatus());
        assertEquals(HttpStatus.FORBIDDEN, forged.getStatus());
        assertEquals(HttpStatus.FORBIDDEN, otherSite.getStatus());
        assertEquals(before, getJson("/api/postmortems/" + teams.payCheckout), "nothing changed");
    }

    @Test
    void aReaderSeesNoFormAndAForgedPostIsRefused() {
        String session = signIn(token("alice", "reader"));
        String page = body(page("/postmortems/" + teams.payCheckout, session));
        Map<String, Object> before = getJson("/api/postmortems/" + teams.payCheckout);

        HttpResponse<String> response = postRootCause(teams.payCheckout, session, csrfOf(page), "forged", null, null);

        assertFalse(page.contains("/root-cause"), "no correction form for a reader");
        assertFalse(page.contains("href=\"/import\""), "no Import link for a reader");
        assertEquals(HttpStatus.FORBIDDEN, response.getStatus());
        assertTrue(body(response).contains("A reader cannot correct a postmortem"), body(response));
        assertEquals(before, getJson("/api/postmortems/" + teams.payCheckout), "nothing changed");
    }

    @Test
    void anotherTeamsEditorCannotCorrectAsInTheApi() {
        String session = signIn(teams.webEditor);
        String csrf = csrfOf(body(page("/postmortems", session)));
        Map<String, Object> before = getJson("/api/postmortems/" + teams.payCheckout);

        HttpResponse<String> response = postRootCause(teams.payCheckout, session, csrf, "not yours", null, null);

        assertEquals(HttpStatus.NOT_FOUND, response.getStatus(), "another team's postmortem is not found");
        assertEquals(before, getJson("/api/postmortems/" + teams.payCheckout), "nothing changed");
    }

    @Test
    void importsAPastedPostmortemAndLandsOnItsPage() {
        String session = signIn(teams.webEditor);
        String csrf = csrfOf(body(page("/import", session)));

        HttpResponse<String> response = postImport(session, csrf, Map.of("text", SCRIPTED, "source", "wiki/banner"),
                null, null);

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus(), body(response));
        long imported = list(getJson("/api/postmortems?service=storefront").get("items")).stream()
                .map(PageTestBase::id).findFirst().orElseThrow();
        assertEquals("/postmortems/" + imported, response.header("Location"));
        assertEquals("wiki/banner", getJson("/api/postmortems/" + imported).get("source"));

        HttpResponse<String> again = postImport(session, csrf, Map.of("text", SCRIPTED, "source", "wiki/banner"),
                null, null);
        assertEquals("/postmortems/" + imported, again.header("Location"), "the same text is the same postmortem");
    }

    @Test
    void importsAnUploadedMarkdownFileNamedAfterIt() {
        String session = signIn(ADMIN);
        String csrf = csrfOf(body(page("/import", session)));

        HttpResponse<String> response = postImport(session, csrf, Map.of(), "checkout-again.md",
                CHECKOUT_AGAIN.getBytes(StandardCharsets.UTF_8));

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus(), body(response));
        String location = response.header("Location");
        Map<String, Object> imported = getJson("/api/" + location.substring(1));
        assertEquals("checkout-again.md", imported.get("source"));
        assertEquals("Incident PIR: Checkout API latency again (INC-2377)", imported.get("title"));
        assertEquals(2, list(imported.get("actions")).size());
    }

    @Test
    void saysWhatIsWrongWithAnImportAndKeepsThePastedText() {
        String session = signIn(ADMIN);
        String csrf = csrfOf(body(page("/import", session)));
        int before = list(getJson("/api/postmortems").get("items")).size();

        HttpResponse<String> empty = postImport(session, csrf, Map.of("text", "  \n"), null, null);
        HttpResponse<String> both = postImport(session, csrf, Map.of("text", "# Kept <b>text</b>"), "x.md",
                "# a file".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> pdf = postImport(session, csrf, Map.of("source", "kept-source"), "report.pdf",
                "%PDF-1.4".getBytes(StandardCharsets.UTF_8));

        assertEquals(HttpStatus.BAD_REQUEST, empty.getStatus());
        assertTrue(body(empty).contains("text: paste the postmortem or choose a file; nothing was imported."));
        assertEquals(HttpStatus.BAD_REQUEST, both.getStatus());
        assertTrue(body(both).contains(">\n# Kept &lt;b&gt;text&lt;/b&gt;</textarea>")
                || body(both).contains("># Kept &lt;b&gt;text&lt;/b&gt;</textarea>"), body(both));
        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, pdf.getStatus());
        assertTrue(body(pdf).contains("file: &#39;report.pdf&#39; is not one of .md, .markdown, .txt, .html, .htm"),
                body(pdf));
        assertTrue(body(pdf).contains("value=\"kept-source\""), body(pdf));
        assertEquals(before, list(getJson("/api/postmortems").get("items")).size(), "nothing imported");
    }

    @Test
    void refusesAFileThatIsNotTextOrIsEmptyAndSaysWhy() {
        String session = signIn(ADMIN);
        String csrf = csrfOf(body(page("/import", session)));
        int before = list(getJson("/api/postmortems").get("items")).size();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};

        HttpResponse<String> image = postImport(session, csrf, Map.of("source", "kept-source"), "diagram.md", png);
        HttpResponse<String> empty = postImport(session, csrf, Map.of(), "empty.txt", new byte[0]);
        HttpResponse<String> blank = postImport(session, csrf, Map.of(), "blank.md",
                " \n\t\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, image.getStatus());
        assertTrue(body(image).contains("file: &#39;diagram.md&#39; is not text but image/png; send the postmortem as "
                + "markdown, plain text or HTML; nothing was imported."), body(image));
        assertTrue(body(image).contains("value=\"kept-source\""), body(image));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, empty.getStatus());
        assertTrue(body(empty).contains("file: &#39;empty.txt&#39; is empty; send the postmortem; nothing was imported."),
                body(empty));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, blank.getStatus());
        assertTrue(body(blank).contains("file: &#39;blank.md&#39; is empty"), body(blank));
        assertEquals(before, list(getJson("/api/postmortems").get("items")).size(), "nothing imported");
    }

    @Test
    void refusesAFileLargerThanTheServerTakesWithTheForm() {
        String session = signIn(ADMIN);
        String csrf = csrfOf(body(page("/import", session)));
        // over the multipart file limit (1 MB), then over the request limit (2 MB)
        for (int size : List.of(1536 * 1024, 3 * 1024 * 1024)) {
            byte[] large = new byte[size];
            Arrays.fill(large, (byte) 'a');

            HttpResponse<String> response = postImport(session, csrf, Map.of(), "huge.md", large);

            assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, response.getStatus(), "size " + size);
            assertTrue(body(response).contains("file: larger than the 1 MB an import takes; nothing was imported."),
                    body(response));
        }
        assertTrue(list(getJson("/api/postmortems?q=aaaa").get("items")).isEmpty());
    }

    @Test
    void aReaderCannotOpenTheImportFormNorPostIt() {
        String session = signIn(teams.webReader);
        String csrf = csrfOf(body(page("/postmortems", session)));
        int before = list(getJson("/api/postmortems").get("items")).size();

        HttpResponse<String> form = page("/import", session);
        HttpResponse<String> forged = postImport(session, csrf, Map.of("text", SCRIPTED), null, null);

        assertEquals(HttpStatus.FORBIDDEN, form.getStatus());
        assertEquals(HttpStatus.FORBIDDEN, forged.getStatus());
        assertEquals(before, list(getJson("/api/postmortems").get("items")).size(), "nothing imported");
    }

    @Test
    void refusesAnImportWithoutTheCsrfToken() {
        String session = signIn(ADMIN);

        HttpResponse<String> response = postImport(session, null, Map.of("text", SCRIPTED), null, null);

        assertEquals(HttpStatus.FORBIDDEN, response.getStatus());
        assertTrue(list(getJson("/api/postmortems?service=storefront").get("items")).isEmpty(), "nothing imported");
    }

    @Test
    void escapesThePostmortemsTextEverywhere() {
        Map<String, Object> imported = teams.importMarkdown("wiki/banner", SCRIPTED);
        long scripted = id(imported);
        Map<String, Object> followUp = list(imported.get("actions")).get(0);
        // the extractor drops tags from the facts it reads (the text keeps them); a person's correction keeps them
        client.exchange(HttpRequest.PATCH("/api/postmortems/" + scripted, Map.of(
                "title", "Postmortem: <script>alert(1)</script> storefront",
                "root_cause", Map.of("summary", "A banner with <script>alert(1)</script> in it"))).bearerAuth(ADMIN));
        client.exchange(HttpRequest.PATCH("/api/actions/" + id(followUp), Map.of(
                "text", "Escape <script>alert(1)</script> in banners", "version", followUp.get("version")))
                .bearerAuth(ADMIN));
        String session = signIn(ADMIN);

        String list = body(page("/postmortems", session));
        String one = body(page("/postmortems/" + scripted, session));

        for (String html : List.of(list, one)) {
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
            assertFalse(html.contains("<script"), html);
        }
        // the title, the root cause, the follow-up and the text's lines
        assertTrue(one.contains("<h1>Postmortem: &lt;script&gt;alert(1)&lt;/script&gt; storefront</h1>"), one);
        assertTrue(one.contains("A banner with &lt;script&gt;alert(1)&lt;/script&gt; in it"), one);
        assertTrue(one.contains(">Escape &lt;script&gt;alert(1)&lt;/script&gt; in banners</a>"), one);
        assertTrue(one.contains("<code>- Escape &lt;script&gt;alert(1)&lt;/script&gt; in banners before they are"), one);
        assertTrue(count(one, "alert(1)") >= 6, one);
    }

    private HttpResponse<String> postRootCause(long id, String session, String csrf, String summary, String component,
                                               String trigger) {
        Map<String, String> form = new LinkedHashMap<>();
        if (csrf != null) {
            form.put("csrf", csrf);
        }
        form.put("summary", summary);
        form.put("component", component == null ? "" : component);
        form.put("trigger", trigger == null ? "" : trigger);
        return send(HttpRequest.POST("/postmortems/" + id + "/root-cause", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of(COOKIE, session)));
    }

    private HttpResponse<String> postImport(String session, String csrf, Map<String, String> fields, String fileName,
                                            byte[] file) {
        MultipartBody.Builder body = MultipartBody.builder();
        if (csrf != null) {
            body.addPart("csrf", csrf);
        }
        fields.forEach(body::addPart);
        if (fileName != null) {
            body.addPart("file", fileName, MediaType.TEXT_PLAIN_TYPE, file);
        }
        return send(HttpRequest.POST("/import", body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .cookie(Cookie.of(COOKIE, session)));
    }

    private static List<Long> rowIds(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = ROW_ID.matcher(html);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    private static String nextLink(String html) {
        Matcher matcher = NEXT.matcher(html);
        assertTrue(matcher.find(), () -> "no next page link in " + html);
        return matcher.group(1).replace("&amp;", "&");
    }

    /** The list item of line {@code number} of the text. */
    private static String sourceLine(String html, int number) {
        int start = html.indexOf("<li id=\"line-" + number + "\"");
        assertTrue(start >= 0, () -> "no line " + number + " in " + html);
        return html.substring(start, html.indexOf("</li>", start) + 5);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static String otherThan(String current, String one, String another) {
        return one.equals(current) ? another : one;
    }

    private static String flat(String html) {
        return html.replaceAll(">\\s+<", "><");
    }
}
