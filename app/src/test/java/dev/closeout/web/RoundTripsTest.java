package dev.closeout.web;

import dev.closeout.support.ApiTestBase;
import dev.closeout.support.CountingDriver;
import dev.closeout.support.TestDatabase;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What requests cost in round trips to the database, counted at the JDBC driver ({@link CountingDriver}), not
 * timed: a list read is one transaction of at most three statements whatever the page's size, a client's token
 * is looked up once while it keeps calling, and an import is one transaction of the same few statements
 * however many follow-ups the postmortem has.
 */
class RoundTripsTest extends ApiTestBase {

    private TwoTeams teams;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("datasources.default.url", CountingDriver.url(TestDatabase.url()));
        properties.put("datasources.default.driver-class-name", CountingDriver.class.getName());
        return properties;
    }

    @BeforeEach
    void twoTeams() {
        teams = TwoTeams.setUp(client);
    }

    @Test
    void aFollowUpListIsOneTransactionOfAtMostThreeStatements() {
        String path = "/api/actions?team=pay&status=open,in_progress&sort=due&limit=2";
        getJson(path, teams.payEditor);

        CountingDriver.reset();
        Map<String, Object> page = getJson(path, teams.payEditor);
        List<String> firstPage = CountingDriver.statements();
        long firstTransactions = CountingDriver.transactions();
        CountingDriver.reset();
        getJson(path + "&cursor=" + page.get("next"), teams.payEditor);

        assertEquals(1, firstTransactions, CountingDriver.calls().toString());
        // the team's key, then the page with the keys of its follow-ups' teams
        assertEquals(2, firstPage.size(), firstPage.toString());
        assertEquals(1, CountingDriver.transactions(), CountingDriver.calls().toString());
        assertEquals(2, CountingDriver.statements().size(), CountingDriver.statements().toString());
    }

    @Test
    void aTeamsListAndAPostmortemSearchAreOneStatementEach() {
        getJson("/api/postmortems?q=checkout", teams.webReader);

        CountingDriver.reset();
        getJson("/api/teams/web/actions?status=open", teams.webReader);
        List<String> teamList = CountingDriver.statements();
        long teamListTransactions = CountingDriver.transactions();
        CountingDriver.reset();
        getJson("/api/postmortems?q=search", teams.webReader);

        assertEquals(1, teamListTransactions);
        assertEquals(2, teamList.size(), teamList.toString());
        assertEquals(1, CountingDriver.transactions(), CountingDriver.calls().toString());
        assertEquals(1, CountingDriver.statements().size(), CountingDriver.statements().toString());
    }

    @Test
    void aTokenIsLookedUpOnceWhileItsClientKeepsCalling() {
        String reader = token("dashboard", "reader");

        CountingDriver.reset();
        for (int call = 0; call < 5; call++) {
            getJson("/api/actions?limit=1", reader);
        }

        assertEquals(1, CountingDriver.statements().stream().filter(sql -> sql.contains("api_token")).count(),
                CountingDriver.statements().toString());
    }

    @Test
    void anImportIsOneTransactionOfTheSameStatementsWhateverItsFollowUps() {
        CountingDriver.reset();
        Map<String, Object> three = importMarkdown("confluence/PAY/three.md", postmortem("Checkout", 3));
        List<String> threeActions = CountingDriver.statements();
        long threeTransactions = CountingDriver.transactions();
        CountingDriver.reset();
        Map<String, Object> twelve = importMarkdown("confluence/PAY/twelve.md", postmortem("Billing", 12));
        List<String> twelveActions = CountingDriver.statements();
        long twelveTransactions = CountingDriver.transactions();
        CountingDriver.reset();
        importMarkdown("confluence/PAY/twelve.md", postmortem("Billing", 12));

        assertEquals(3, list(three.get("actions")).size());
        assertEquals(12, list(twelve.get("actions")).size());
        assertEquals(1, threeTransactions, threeActions.toString());
        assertEquals(1, twelveTransactions, twelveActions.toString());
        // the text's hash, the source, the postmortem, its team's defaults, the follow-ups, their ids, their events
        assertEquals(7, twelveActions.size(), twelveActions.toString());
        assertEquals(threeActions.size(), twelveActions.size(), threeActions + " / " + twelveActions);
        // the same text again: its hash and its follow-ups, then their teams' keys for the answer
        assertEquals(3, CountingDriver.statements().size(), CountingDriver.statements().toString());
    }

    @Test
    void aBatchIsOneTransactionOfSixStatementsPerPostmortemAndOneTeamLookupPerService() {
        List<Map<String, String>> batch = List.of(
                Map.of("source", "confluence/PAY/one.md", "text", postmortem("Checkout", 4)),
                Map.of("source", "confluence/PAY/two.md", "text", postmortem("Billing", 9)),
                Map.of("source", "confluence/PAY/three.md", "text", postmortem("checkout", 2).replace("INC-2", "INC-22")),
                Map.of("source", "confluence/PAY/four.md", "text", postmortem("Billing", 5)));

        CountingDriver.reset();
        Map<String, Object> result = client.retrieve(HttpRequest.POST("/api/postmortems/batch", batch)
                .bearerAuth(ADMIN), JSON_OBJECT);

        assertEquals(4, ((Number) result.get("imported")).intValue(), result.toString());
        assertEquals(4, CountingDriver.transactions(), CountingDriver.calls().toString());
        List<String> statements = CountingDriver.statements();
        // each service's team is read by the first of the batch's postmortems that names it
        assertEquals(2, statements.stream().filter(sql -> sql.contains("team_service")).count(), statements.toString());
        // each postmortem: its text's hash, its source, it, its follow-ups, their ids, their events
        assertEquals(4 * 6 + 2, statements.size(), statements.toString());
    }

    private Map<String, Object> importMarkdown(String source, String text) {
        return client.retrieve(HttpRequest.POST("/api/postmortems?source=" + source, text)
                .contentType(MediaType.of("text/markdown")).bearerAuth(ADMIN), JSON_OBJECT);
    }

    private static String postmortem(String service, int actions) {
        StringBuilder text = new StringBuilder("# Incident PIR: " + service + " errors (INC-" + actions + ")\n\n"
                + "**Service:** " + service + "\n**Incident start:** 2025-06-02 10:00 UTC\n"
                + "**Incident end:** 2025-06-02 11:00 UTC\n\n## Summary\nThe " + service + " API failed.\n\n"
                + "## Root cause\nA configuration change broke the " + service + " gateway.\n\n## Action items\n\n"
                + "| Action | Type | Owner |\n| --- | --- | --- |\n");
        for (int action = 1; action <= actions; action++) {
            text.append("| Add check number ").append(action).append(" to the ").append(service)
                    .append(" rollout | preventative | |\n");
        }
        return text.toString();
    }
}
