package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FakeJiraUsersTest {
    private FakeJira jira;
    private TestClient cloud;

    @BeforeEach
    void start() {
        jira = FakeJira.start();
        jira.user("712020:dana", "Dana Kowalski", "dana@example.com");
        jira.user("712020:hidden", "Hidden Harper", "harper@example.com").hideEmail();
        jira.user("712020:gone", "Gone Gale", "gale@example.com").inactive();
        cloud = TestClient.cloud(jira);
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void prefixMatchesVisibleEmailsAndNames() {
        assertEquals("712020:dana", cloud.get("/rest/api/3/user/search?query=dana@").json().at("/0/accountId").asText());
        assertEquals("712020:dana", cloud.get("/rest/api/3/user/search?query=Kowal").json().at("/0/accountId").asText());
    }

    @Test
    void hiddenEmailMatchesOnlyExactlyAndIsNotReturned() {
        assertEquals(0, cloud.get("/rest/api/3/user/search?query=harper@").json().size());
        JsonNode exact = cloud.get("/rest/api/3/user/search?query=harper%40example.com").json();
        assertEquals(1, exact.size());
        assertEquals("712020:hidden", exact.at("/0/accountId").asText());
        assertFalse(exact.get(0).has("emailAddress"));
    }

    @Test
    void inactiveUsersAreNotFound() {
        assertEquals(0, cloud.get("/rest/api/3/user/search?query=gale%40example.com").json().size());
    }

    @Test
    void assignableSearchFollowsTheProject() {
        jira.project("OPS").assignable("712020:hidden");
        JsonNode found = cloud.get("/rest/api/3/user/assignable/search?query=&project=OPS").json();
        assertEquals(1, found.size());
        assertEquals("712020:hidden", found.at("/0/accountId").asText());
    }

    @Test
    void dataCenterFindsByUsername() {
        JsonNode found = TestClient.dataCenter(jira).get("/rest/api/2/user/search?username=dana").json();
        assertEquals("dana", found.at("/0/name").asText());
        assertEquals("dana@example.com", found.at("/0/emailAddress").asText());
    }
}
