package dev.closeout.jira;

import dev.closeout.integrations.jira.fake.RecordedRequest;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request budget of 1,000 new follow-ups (docs/benchmarks.md): bulk creates of 50, one user search
 * per owner, one remote link per ticket (Jira has no bulk call for those). Prints the counts and the time
 * taken; only the counts, which do not depend on the machine, are asserted.
 */
class JiraSyncVolumeTest extends JiraApiTestBase {

    private static final String REMOTE_LINK = "createOrUpdateRemoteIssueLink";

    @Inject
    JiraSync sync;

    @Test
    void aThousandTicketsTakeTwentyCreatesAndOneUserSearch() {
        jira.user("712020:alice", "Alice Ops", "alice@example.com");
        client.retrieve(HttpRequest.POST("/api/teams", Map.of("key", "payments", "name", "Payments",
                "services", List.of("payments"), "default_owner", "alice@example.com")).bearerAuth(ADMIN), JSON_OBJECT);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            ids.addAll(importActions("volume-" + i + ".md", postmortem("Volume outage " + i, 50)
                    .replace("## Root cause", "Service: payments\n\n## Root cause")));
        }
        assertEquals(1000, ids.size());
        jira.resetRequests();

        long started = System.nanoTime();
        SyncPassResult result = sync.runPass();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(1000, result.created());
        assertOneIssueEach(ids);
        assertTrue(jira.issues().stream().filter(i -> i.labels().contains("closeout"))
                .allMatch(i -> "712020:alice".equals(i.assigneeAccountId())), "every ticket assigned to the owner");
        Map<String, Integer> byOperation = new TreeMap<>();
        for (RecordedRequest request : jira.requests()) {
            byOperation.merge(request.operationId(), 1, Integer::sum);
        }
        int all = jira.requests().size();
        int creation = all - byOperation.getOrDefault(REMOTE_LINK, 0);
        System.out.printf("jira sync volume: 1000 tickets in %d ms; %d requests (%.3f per ticket), %d without "
                + "remote links (%.3f per ticket): %s%n", millis, all, all / 1000.0, creation, creation / 1000.0,
                byOperation);
        assertEquals(20, byOperation.get("createIssues"));
        assertEquals(1, byOperation.get("findUsers"));
        assertEquals(1000, byOperation.get(REMOTE_LINK));
        assertTrue(creation / 1000.0 <= 0.05, creation + " requests besides the remote links");
    }
}
