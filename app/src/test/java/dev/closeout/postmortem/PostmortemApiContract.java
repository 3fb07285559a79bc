package dev.closeout.postmortem;

import dev.closeout.support.ApiTestBase;
import dev.closeout.support.Corpus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The postmortem and action endpoints as a client sees them. Run once per database the product
 * supports: MariaDB/MySQL and the embedded H2 default.
 */
abstract class PostmortemApiContract extends ApiTestBase {

    private static final MediaType MARKDOWN = MediaType.of("text/markdown");

    @Test
    void importsMarkdownAndAnswersCreatedWithItsActions() {
        HttpResponse<Map<String, Object>> response = postMarkdown(Corpus.read(Corpus.SEED_LB_ROUTING));

        assertEquals(HttpStatus.CREATED, response.getStatus());
        Map<String, Object> body = response.body();
        assertEquals("/api/postmortems/" + body.get("id"), response.header("Location"));
        assertEquals("Postmortem: Service Outage on ExApp", body.get("title"));
        List<Map<String, Object>> actions = list(body.get("actions"));
        assertEquals(7, actions.size());
        assertEquals("Configuration Management: Implement stricter change management processes for configuration "
                + "changes to avoid accidental misconfigurations.", actions.get(0).get("text"));
        assertEquals("Improvements Needed", actions.get(0).get("group"));
        assertEquals("Tasks", actions.get(6).get("group"));
        assertTrue(actions.stream().allMatch(action -> "open".equals(action.get("status"))));
    }

    @Test
    void storesTheIncidentFactsTheEngineExtracts() {
        Object id = postMarkdown(Corpus.read(Corpus.SEED_LB_ROUTING)).body().get("id");

        Map<String, Object> postmortem = getJson("/api/postmortems/" + id);

        assertEquals("ExApp", postmortem.get("service"));
        Map<String, Object> incident = map(postmortem.get("incident"));
        assertEquals("2024-08-17T03:15:00Z", incident.get("start"));
        assertEquals("2024-08-17T06:00:00Z", incident.get("end"));
        assertEquals(165, incident.get("duration_minutes"));
        Map<String, Object> rootCause = map(postmortem.get("root_cause"));
        assertEquals("load-balancer", rootCause.get("component"));
        assertEquals("configuration-change", rootCause.get("trigger"));
        assertTrue(((String) rootCause.get("summary")).contains("load balancer"), rootCause.toString());
        assertEquals(100.0, ((Number) postmortem.get("impact_percent")).doubleValue());
    }

    @Test
    void postingTheSameTextAgainAnswersOkWithTheSamePostmortem() {
        String text = Corpus.read(Corpus.SEED_LB_ROUTING);
        HttpResponse<Map<String, Object>> first = postMarkdown(text);
        HttpResponse<Map<String, Object>> second = postMarkdown(text);
        HttpResponse<Map<String, Object>> windowsCopy = postMarkdown(text.replace("\n", "\r\n"));

        assertEquals(HttpStatus.OK, second.getStatus());
        assertEquals(HttpStatus.OK, windowsCopy.getStatus());
        assertEquals(first.body().get("id"), second.body().get("id"));
        assertEquals(first.body().get("id"), windowsCopy.body().get("id"));
        assertEquals(7, list(second.body().get("actions")).size());
        assertEquals(1, list(getJson("/api/postmortems").get("items")).size());
        assertEquals(7, list(getJson("/api/actions").get("items")).size());
    }

    @Test
    void importsJsonWithItsSource() {
        HttpResponse<Map<String, Object>> response = importJson("wiki/INC-42", Corpus.read(Corpus.SEED_LB_ROUTING));

        assertEquals(HttpStatus.CREATED, response.getStatus());
        assertEquals("wiki/INC-42", response.body().get("source"));
        assertEquals(7, list(response.body().get("actions")).size());
    }

    @Test
    void importRecordsTheCreationOfEveryActionInItsHistory() {
        postMarkdown(Corpus.read(Corpus.SEED_LB_ROUTING));

        int created = transactions.executeRead(status ->
                dsl.fetchCount(ACTION_EVENT, ACTION_EVENT.FIELD.eq("created").and(ACTION_EVENT.NEW_VALUE.eq("open"))));
        assertEquals(7, created);
    }

    @Test
    void getsOnePostmortemWithItsActions() {
        Object id = postMarkdown(Corpus.read(Corpus.SEED_LB_ROUTING)).body().get("id");

        Map<String, Object> postmortem = getJson("/api/postmortems/" + id);

        assertEquals(id, postmortem.get("id"));
        assertEquals(7, list(postmortem.get("actions")).size());
    }

    @Test
    void answersNotFoundProblemForAMissingPostmortem() {
        assertProblem(HttpStatus.NOT_FOUND, "no postmortem with id 424242",
                () -> client.exchange(HttpRequest.GET("/api/postmortems/424242").bearerAuth(ADMIN), String.class));
    }

    @Test
    void rejectsBlankTextAndWritesNothing() {
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "\"detail\":\"text: empty", () -> client.exchange(
                HttpRequest.POST("/api/postmortems", Map.of("text", " ")).bearerAuth(ADMIN), String.class));
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "\"detail\":\"text: empty", () -> client.exchange(
                HttpRequest.POST("/api/postmortems", Map.of("source", "x.md")).bearerAuth(ADMIN), String.class));
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "\"detail\":\"text: empty", () -> client.exchange(
                HttpRequest.POST("/api/postmortems", " \n\t").contentType(MARKDOWN).bearerAuth(ADMIN), String.class));
        assertEquals(0, storedPostmortems());
    }

    @Test
    void refusesABinaryBodyNamingWhatItIsAndWritesNothing() {
        byte[] pdf = new byte[3_000];
        new java.util.Random(3).nextBytes(pdf);
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, pdf, 0, 9);

        assertProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "\"detail\":\"text: not text but application/pdf",
                () -> client.exchange(HttpRequest.POST("/api/postmortems", pdf).contentType(MARKDOWN).bearerAuth(ADMIN),
                        String.class));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        assertProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "\"detail\":\"text: not text but image/png",
                () -> client.exchange(HttpRequest.POST("/api/postmortems", png).contentType(MediaType.TEXT_PLAIN_TYPE)
                        .bearerAuth(ADMIN), String.class));
        assertProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "\"detail\":\"text: not text but application/octet-stream",
                () -> client.exchange(HttpRequest.POST("/api/postmortems", Map.of("source", "nul.md",
                        "text", "# Outage\u0000\u0000\u0001\u0002")).bearerAuth(ADMIN), String.class));
        assertEquals(0, storedPostmortems());
    }

    @Test
    void aPostmortemWithoutEvidenceOfItsCauseHasNoComponentOrTrigger() {
        Object id = postMarkdown("# Friday review\n\n## Summary\nWe met on Friday afternoon and went over the notes.\n"
                + "\n## Action items\n- Send the notes to everyone\n").body().get("id");

        Map<String, Object> rootCause = map(getJson("/api/postmortems/" + id).get("root_cause"));

        assertTrue(rootCause.containsKey("component"), rootCause.toString());
        assertNull(rootCause.get("component"));
        assertNull(rootCause.get("trigger"));
        assertEquals(List.of(), getJson("/api/postmortems?component=other").get("items"), "not filed under other");
    }

    @Test
    void postmortemsWithoutEvidenceOfTheirCauseAreNoRecurringCause() {
        postMarkdown("# Friday review\n\nService: Billing\n\n## Summary\nWe met on Friday afternoon and went over the "
                + "notes.\n");
        postMarkdown("# Monday review\n\nService: Billing\n\n## Summary\nWe met on Monday morning and read the notes "
                + "again.\n");

        Map<String, Object> report = getJson("/api/reports/recurring-causes");

        assertEquals(List.of(), report.get("causes"));
        assertEquals(List.of(), report.get("by_service"), "no component came back on Billing");
    }

    private int storedPostmortems() {
        return transactions.executeRead(status -> dsl.fetchCount(dev.closeout.db.jooq.Tables.POSTMORTEM));
    }

    @Test
    void refusesABodyOverTheSizeLimitAndStoresNothing() {
        String huge = "# Outage\n\n## Action items\n" + "- Add an alert on queue depth\n".repeat(80_000);

        assertProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "\"status\":413",
                () -> client.exchange(HttpRequest.POST("/api/postmortems", huge).contentType(MARKDOWN)
                        .bearerAuth(ADMIN), String.class));
        assertEquals(List.of(), getJson("/api/postmortems").get("items"));
    }

    @Test
    void rejectsAnUnsupportedContentType() {
        assertProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "application/xml",
                () -> client.exchange(HttpRequest.POST("/api/postmortems", "<postmortem/>")
                        .contentType(MediaType.APPLICATION_XML_TYPE).bearerAuth(ADMIN), String.class));
    }

    @Test
    void pagesThroughOpenActionsWithoutRepeatsOrGaps() {
        postMarkdown(Corpus.read(Corpus.SEED_LB_ROUTING));
        postMarkdown(Corpus.read(Corpus.SEED_EXAMPLEAPP));
        int total = list(getJson("/api/actions?status=open&limit=200").get("items")).size();

        List<Object> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Map<String, Object> page = getJson("/api/actions?status=open&limit=3"
                    + (next == null ? "" : "&cursor=" + next));
            list(page.get("items")).forEach(action -> seen.add(action.get("id")));
            next = (String) page.get("next");
            pages++;
            if (pages == 1) {
                // a postmortem imported mid-way must not shift what the next pages show
                postMarkdown("# Late\n\n## Action items\n- Add a late alert\n");
            }
        } while (next != null);

        assertTrue(total >= 8, "both seeds have actions, got " + total);
        assertEquals(total + 1, seen.size());
        assertEquals(seen.size(), new HashSet<>(seen).size());
        assertEquals((total + 1 + 2) / 3, pages);
    }

    @Test
    void filtersActionsByStatus() {
        postMarkdown(Corpus.read(Corpus.SEED_LB_ROUTING));

        assertEquals(7, list(getJson("/api/actions?status=open").get("items")).size());
        assertEquals(List.of(), getJson("/api/actions?status=done").get("items"));
    }

    @Test
    void rejectsUnknownStatusMalformedCursorAndBadLimit() {
        assertProblem(HttpStatus.BAD_REQUEST, "status",
                () -> client.exchange(HttpRequest.GET("/api/actions?status=finished").bearerAuth(ADMIN), String.class));
        assertProblem(HttpStatus.BAD_REQUEST, "cursor",
                () -> client.exchange(HttpRequest.GET("/api/actions?cursor=nonsense").bearerAuth(ADMIN), String.class));
        assertProblem(HttpStatus.BAD_REQUEST, "limit",
                () -> client.exchange(HttpRequest.GET("/api/postmortems?limit=0").bearerAuth(ADMIN), String.class));
    }

    @Test
    void listsPostmortemsNewestFirstWithOpenActionCounts() {
        Object older = postMarkdown(Corpus.read(Corpus.SEED_LB_ROUTING)).body().get("id");
        Object newer = postMarkdown(Corpus.read(Corpus.SEED_EXAMPLEAPP)).body().get("id");

        Map<String, Object> firstPage = getJson("/api/postmortems?limit=1");
        List<Map<String, Object>> items = list(firstPage.get("items"));
        assertEquals(newer, items.get(0).get("id"));
        assertNotNull(firstPage.get("next"));

        Map<String, Object> secondPage = getJson("/api/postmortems?limit=1&cursor=" + firstPage.get("next"));
        Map<String, Object> oldest = list(secondPage.get("items")).get(0);
        assertEquals(older, oldest.get("id"));
        assertEquals(7, oldest.get("action_count"));
        assertEquals(7, oldest.get("open_action_count"));
        assertNull(secondPage.get("next"));
    }

    @Test
    void healthShowsTheDatabaseUp() {
        Map<String, Object> health = getJson("/health");

        assertEquals("UP", health.get("status"));
        Map<String, Object> jdbc = map(map(health.get("details")).get("jdbc"));
        assertEquals("UP", jdbc.get("status"));
    }

    private HttpResponse<Map<String, Object>> postMarkdown(String text) {
        return exchange(HttpRequest.POST("/api/postmortems", text).contentType(MARKDOWN).bearerAuth(ADMIN));
    }
}
