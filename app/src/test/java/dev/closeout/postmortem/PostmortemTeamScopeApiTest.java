package dev.closeout.postmortem;

import dev.closeout.support.ApiTestBase;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static dev.closeout.support.TestTokens.ADMIN;
import static dev.closeout.support.TwoTeams.CHECKOUT_OUTAGE;
import static dev.closeout.support.TwoTeams.CHECKOUT_OUTAGE_EDITED;
import static dev.closeout.support.TwoTeams.CHECKOUT_SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token scoped to {@code web} sees, changes and re-imports only postmortems that are {@code web}'s: of a
 * service {@code web} owns, or with a follow-up of {@code web}'s (docs/api.md, "Team scope").
 */
class PostmortemTeamScopeApiTest extends ApiTestBase {

    private TwoTeams teams;

    @BeforeEach
    void twoTeamsWithTheirPostmortems() {
        teams = TwoTeams.setUp(client);
    }

    @Test
    void anotherTeamsPostmortemIsNotFound() {
        assertTrue(teams.payCheckout > 127, "ids past the boxed-Long cache");

        assertProblem(HttpStatus.NOT_FOUND, "no postmortem with id " + teams.payCheckout,
                () -> getJson("/api/postmortems/" + teams.payCheckout, teams.webReader));
        assertEquals(teams.webSearch, id(getJson("/api/postmortems/" + teams.webSearch, teams.webReader)));
    }

    @Test
    void anotherTeamsPostmortemCannotBeRenamed() {
        assertProblem(HttpStatus.NOT_FOUND, "no postmortem with id " + teams.payCheckout,
                () -> exchange(HttpRequest.PATCH("/api/postmortems/" + teams.payCheckout,
                        Map.of("title", "Renamed by web")).bearerAuth(teams.webEditor)));

        assertEquals("Incident PIR: Checkout API latency (INC-2291)",
                getJson("/api/postmortems/" + teams.payCheckout).get("title"));
    }

    @Test
    void reimportOfAnotherTeamsSourceIsRefusedAndChangesNothing() {
        List<Map<String, Object>> before = payRows();

        assertProblem(HttpStatus.FORBIDDEN, "source",
                () -> teams.importMarkdown(CHECKOUT_SOURCE, CHECKOUT_OUTAGE_EDITED, teams.webEditor));

        assertEquals(before, payRows(), "no follow-up flagged, added or changed; the text kept");
        assertEquals(3, list(getJson("/api/postmortems/" + teams.payCheckout).get("actions")).size());
    }

    @Test
    void batchReimportOfAnotherTeamsSourceFailsThatItemAlone() {
        List<Map<String, Object>> before = payRows();

        Map<String, Object> result = client.retrieve(HttpRequest.POST("/api/postmortems/batch", List.of(
                Map.of("source", CHECKOUT_SOURCE, "text", CHECKOUT_OUTAGE_EDITED),
                Map.of("source", "confluence/WEB/storefront-cdn.md", "text", storefrontIncident()))
        ).bearerAuth(teams.webEditor), JSON_OBJECT);

        List<Map<String, Object>> items = list(result.get("items"));
        assertEquals("failed", items.get(0).get("status"));
        assertTrue(((String) items.get(0).get("error")).startsWith("source:"), items.get(0).toString());
        assertEquals("imported", items.get(1).get("status"));
        assertEquals(before, payRows());
    }

    @Test
    void theTextOfAnotherTeamsPostmortemIsRefusedWithoutShowingIt() {
        String body = assertProblem(HttpStatus.FORBIDDEN, "text",
                () -> teams.importMarkdown("my-copy.md", CHECKOUT_OUTAGE, teams.webEditor));

        assertTrue(!body.contains(String.valueOf(teams.checkoutActions.get(0))), body);
    }

    @Test
    void aNewPostmortemOfAnotherTeamsServiceIsRefused() {
        int postmortems = count();

        assertProblem(HttpStatus.FORBIDDEN, "service", () -> teams.importMarkdown("web-notes/billing.md", """
                # Billing emails late

                **Service:** Billing

                ## Action items
                - Page the billing on-call when the email queue is older than 10 minutes
                """, teams.webEditor));

        assertEquals(postmortems, count());
    }

    @Test
    void aNewPostmortemOfAServiceNoTeamOwnsGoesToTheTokensTeam() {
        Map<String, Object> imported = teams.importMarkdown("web-notes/status-page.md", """
                # Status page stale during the search outage

                **Service:** Status page

                ## Action items
                - Update the status page from the incident channel automatically
                """, teams.webEditor);

        assertEquals(List.of("web"), list(imported.get("actions")).stream().map(a -> a.get("team")).toList());
        assertEquals(id(imported), id(getJson("/api/postmortems/" + id(imported), teams.webReader)));
    }

    @Test
    void itsOwnSourceIsReimported() {
        Map<String, Object> updated = teams.importMarkdown(TwoTeams.SEARCH_SOURCE,
                TwoTeams.SEARCH_INCIDENT + "- Move old snapshots to object storage\n", teams.webEditor);

        assertEquals(teams.webSearch, id(updated));
        assertEquals(3, list(updated.get("actions")).size());
    }

    @Test
    void listsAndSearchesShowOnlyTheTeamsPostmortems() {
        assertEquals(List.of(teams.webSearch), ids(getJson("/api/postmortems", teams.webReader)));
        assertEquals(List.of(), ids(getJson("/api/postmortems?q=checkout", teams.webReader)));
        assertEquals(List.of(), ids(getJson("/api/postmortems?service=billing", teams.webReader)));
        assertEquals(List.of(teams.webSearch, teams.payBilling, teams.payCheckout),
                ids(getJson("/api/postmortems", ADMIN)));
    }

    @Test
    void aPostmortemSharedWithAnotherTeamShowsOnlyTheTeamsFollowUpsAndCannotBeChanged() {
        long handedOver = teams.checkoutActions.get(1);
        String etag = exchange(HttpRequest.GET("/api/actions/" + handedOver).bearerAuth(ADMIN))
                .header(HttpHeaders.ETAG);
        exchange(HttpRequest.PATCH("/api/actions/" + handedOver, Map.of("team", "web")).header(HttpHeaders.IF_MATCH,
                etag).bearerAuth(ADMIN));
        List<Map<String, Object>> before = payRows();

        Map<String, Object> shown = getJson("/api/postmortems/" + teams.payCheckout, teams.webReader);
        Map<String, Object> summary = list(getJson("/api/postmortems?q=checkout", teams.webReader).get("items")).get(0);
        assertProblem(HttpStatus.FORBIDDEN, "another team", () -> exchange(HttpRequest.PATCH(
                "/api/postmortems/" + teams.payCheckout, Map.of("title", "Renamed by web")).bearerAuth(teams.webEditor)));
        assertProblem(HttpStatus.FORBIDDEN, "source",
                () -> teams.importMarkdown(CHECKOUT_SOURCE, CHECKOUT_OUTAGE_EDITED, teams.webEditor));

        assertEquals(List.of(handedOver), list(shown.get("actions")).stream().map(ApiTestBase::id).toList());
        assertEquals(teams.payCheckout, id(summary));
        assertEquals(1, ((Number) summary.get("action_count")).intValue());
        assertEquals(before, payRows());
    }

    private static String storefrontIncident() {
        return """
                # Storefront images missing after the CDN switch

                **Service:** Storefront

                ## Action items
                - Add a synthetic check that loads a product image through the CDN
                """;
    }

    /** Pay's postmortems and follow-ups as stored, to compare before and after a refused request. */
    private List<Map<String, Object>> payRows() {
        List<Long> pay = List.of(teams.payCheckout, teams.payBilling);
        return transactions.executeRead(status -> {
            List<Map<String, Object>> rows = new ArrayList<>(dsl.select(POSTMORTEM.ID,
                    POSTMORTEM.TITLE, POSTMORTEM.CONTENT_HASH, POSTMORTEM.UPDATED_AT).from(POSTMORTEM)
                    .where(POSTMORTEM.ID.in(pay)).orderBy(POSTMORTEM.ID).fetchMaps());
            rows.addAll(dsl.selectFrom(ACTION_ITEM).where(ACTION_ITEM.POSTMORTEM_ID.in(pay))
                    .orderBy(ACTION_ITEM.ID).fetchMaps());
            return rows;
        });
    }

    private int count() {
        return transactions.executeRead(status -> dsl.fetchCount(POSTMORTEM));
    }

    private static List<Long> ids(Map<String, Object> page) {
        return list(page.get("items")).stream().map(ApiTestBase::id).toList();
    }
}
