package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeJiraFaultsTest {

    @Test
    void failNextAnswers429WithRateLimitHeadersThenRecovers() {
        try (FakeJira jira = FakeJira.start()) {
            TestClient cloud = TestClient.cloud(jira);
            jira.faults().failNext("createIssue", 1, 429, 7);
            TestClient.Reply limited = cloud.post("/rest/api/3/issue", TestClient.createBody("x"));
            assertEquals(429, limited.status());
            assertEquals("7", limited.header("Retry-After"));
            assertEquals("jira-burst-based", limited.header("RateLimit-Reason"));
            assertTrue(limited.header("X-RateLimit-Reset").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ"));
            assertEquals(0, jira.issueCount(), "a failed request does nothing");

            assertEquals(201, cloud.post("/rest/api/3/issue", TestClient.createBody("x")).status());
            assertEquals(2, jira.count("createIssue"));
            assertEquals(429, jira.requests().get(0).status());
        }
    }

    @Test
    void wildcard503CarriesRetryAfter() {
        try (FakeJira jira = FakeJira.start()) {
            jira.faults().failNext("*", 1, 503, 2);
            TestClient.Reply r = TestClient.cloud(jira).get("/rest/api/3/myself");
            assertEquals(503, r.status());
            assertEquals("2", r.header("Retry-After"));
        }
    }

    @Test
    void failFractionIsDeterministicForASeed() {
        int[] failures = new int[2];
        for (int run = 0; run < 2; run++) {
            try (FakeJira jira = FakeJira.start()) {
                jira.faults().failFraction("getCurrentUser", 0.5, 503, 42L);
                for (int i = 0; i < 20; i++) {
                    if (TestClient.cloud(jira).get("/rest/api/3/myself").status() == 503) {
                        failures[run]++;
                    }
                }
            }
        }
        assertEquals(failures[0], failures[1]);
        assertTrue(failures[0] > 0 && failures[0] < 20);
    }

    @Test
    void lostResponseStillCreatesTheIssue() {
        try (FakeJira jira = FakeJira.start()) {
            jira.lostResponseHold(Duration.ofMillis(600));
            jira.faults().loseResponses("createIssue", 1.0, 1L);
            TestClient client = TestClient.cloud(jira).timeout(Duration.ofMillis(300));
            assertThrows(UncheckedIOException.class, () -> client.post("/rest/api/3/issue", TestClient.createBody("x", "pmai-1")));
            assertEquals(1, jira.issueCount());
            assertEquals(-1, jira.requests().get(0).status());

            jira.faults().clear();
            String jql = URLEncoder.encode("project = OPS AND labels = \"pmai-1\"", StandardCharsets.UTF_8);
            assertEquals(1, TestClient.cloud(jira).get("/rest/api/3/search/jql?jql=" + jql).json().get("issues").size());
        }
    }

    @Test
    void delayHoldsTheAnswer() {
        try (FakeJira jira = FakeJira.start()) {
            jira.faults().delay("getCurrentUser", Duration.ofMillis(200));
            long start = System.nanoTime();
            assertEquals(200, TestClient.cloud(jira).get("/rest/api/3/myself").status());
            assertTrue(System.nanoTime() - start >= 200_000_000L);
        }
    }

    @Test
    void nonConformingRequestsAreRejectedRecordedAndFailClose() {
        FakeJira jira = FakeJira.start();
        TestClient cloud = TestClient.cloud(jira);
        TestClient.Reply badParam = cloud.get("/rest/api/3/search/jql?jql=project%20%3D%20OPS&maxResults=abc");
        assertEquals(400, badParam.status());
        assertTrue(badParam.json().at("/errorMessages/0").asText()
                .startsWith("fake-jira: request does not conform to the Jira OpenAPI spec: "), badParam.body());

        ObjectNode bulk = TestClient.json("{'issueUpdates':'not an array'}");
        assertEquals(400, cloud.post("/rest/api/3/issue/bulk", bulk).status());
        assertEquals(2, jira.violations().size());
        assertTrue(jira.violations().get(1).contains("/issueUpdates"), jira.violations().get(1));

        AssertionError closed = assertThrows(AssertionError.class, jira::close);
        assertNotNull(closed.getMessage());
        assertTrue(closed.getMessage().contains("maxResults") || closed.getMessage().contains("integer"), closed.getMessage());
    }

    @Test
    void dataCenterPathsAreCheckedAgainstTheSameSpec() {
        FakeJira jira = FakeJira.start();
        assertEquals(400, TestClient.dataCenter(jira).get("/rest/api/2/search?jql=project%20%3D%20OPS&startAt=first").status());
        assertEquals(1, jira.violations().size());
        assertThrows(AssertionError.class, jira::close);
    }

    @Test
    void assigneeNullIsNotASpecViolation() {
        try (FakeJira jira = FakeJira.start()) {
            TestClient cloud = TestClient.cloud(jira);
            cloud.post("/rest/api/3/issue", TestClient.createBody("x"));
            assertEquals(204, cloud.put("/rest/api/3/issue/OPS-1/assignee", TestClient.json("{'accountId':null}")).status());
        }
    }
}
