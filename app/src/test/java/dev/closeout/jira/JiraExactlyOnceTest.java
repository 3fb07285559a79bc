package dev.closeout.jira;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every follow-up gets exactly one ticket, however Jira fails and however many workers run. */
class JiraExactlyOnceTest extends JiraApiTestBase {

    @Inject
    JiraSync sync;

    @BeforeEach
    void idsHigh() {
        startIdsHigh();
    }

    @AfterEach
    void clearFaults() {
        jira.faults().clear();
    }

    private List<Long> followUps(String name, int postmortems, int each) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= postmortems; i++) {
            ids.addAll(importActions(name + "-" + i + ".md", postmortem(name + " outage " + i, each)));
        }
        assertEquals(postmortems * each, ids.size());
        return ids;
    }

    @Test
    void aThousandFollowUpsBecomeExactlyAThousandTicketsWhileJiraFailsHalfTheRequests() {
        List<Long> ids = followUps("half", 20, 50);
        int before = jira.issueCount();
        // half of all requests fail with a 500 before Jira does anything: a create's outcome is then
        // unknown to Closeout, which must look before it creates again
        jira.faults().failFraction("*", 0.5, 500, 20261121L);

        int passes = 0;
        while (pending() > 0 && passes < 200) {
            sync.runPass();
            passes++;
        }

        assertEquals(0, pending(), "still pending after 200 passes");
        assertTrue(jira.count("searchAndReconsileIssuesUsingJql") > 0, "uncertain creates were looked for");
        assertEquals(1000, jira.issueCount() - before);
        assertOneIssueEach(ids);
        assertEquals(1000, ((Number) getJson("/api/integrations/jira/status").get("synced")).intValue());
    }

    @Test
    void twoWorkersAtOnceMakeNoDuplicates() throws Exception {
        List<Long> ids = followUps("pair", 6, 50);
        int before = jira.issueCount();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<SyncPassResult>> workers = new ArrayList<>();
        for (int worker = 0; worker < 2; worker++) {
            workers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return sync.runPass();
            }));
        }
        start.countDown();
        SyncPassResult first = workers.get(0).get();
        SyncPassResult second = workers.get(1).get();

        assertEquals(300, first.created() + second.created(), first + " / " + second);
        assertEquals(300, jira.issueCount() - before);
        assertOneIssueEach(ids);
    }
}
