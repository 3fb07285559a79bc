package dev.closeout.integrations.jira;

import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.ProjectMapping;
import dev.closeout.integrations.tracker.TrackerAuthException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CreateScreenCheckTest {

    private static final String TYPES = "{\"startAt\":0,\"maxResults\":200,\"total\":2,\"issueTypes\":["
            + "{\"id\":\"10002\",\"name\":\"Task\"},{\"id\":\"10004\",\"name\":\"Bug\"}]}";
    private static final String TASK_SCREEN = "{\"startAt\":0,\"maxResults\":200,\"total\":6,\"fields\":["
            + field("summary", true, "") + "," + field("issuetype", true, "") + "," + field("labels", false, "")
            + "," + field("priority", false, "{\"id\":\"2\",\"name\":\"High\"},{\"id\":\"3\",\"name\":\"Medium\"}")
            + "," + field("components", false, "{\"id\":\"10031\",\"name\":\"database\"}")
            + "," + field("customfield_10050", true, "") + "]}";

    private final StubJira jira = StubJira.start();
    private final IssueTracker tracker = JiraTrackers.connect(
            JiraConnection.cloud(jira.baseUrl(), "ops@example.com", "token"), pause -> { });

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void aMappingThatFitsHasNoProblems() {
        answerProjectAndTypes();
        jira.answer("GET", "/rest/api/3/issue/createmeta/OPS/issuetypes/10002", 200, TASK_SCREEN);

        assertEquals(List.of(), tracker.problemsWith(new ProjectMapping("OPS", "Task",
                List.of("labels", "customfield_10050"), List.of("High"), List.of("database"))));
    }

    @Test
    void namesFieldsOffTheScreenAndValuesNotAllowed() {
        answerProjectAndTypes();
        jira.answer("GET", "/rest/api/3/issue/createmeta/OPS/issuetypes/10002", 200, TASK_SCREEN);

        List<String> problems = tracker.problemsWith(new ProjectMapping("OPS", "Task",
                List.of("labels", "duedate"), List.of("Urgent"), List.of("database", "network")));

        assertEquals(List.of(
                "field 'duedate' is not on the create screen of OPS/Task",
                "field 'customfield_10050' (customfield_10050) is required on the create screen of OPS/Task"
                        + " but the mapping does not set it",
                "priority 'Urgent' is not allowed on the create screen of OPS/Task; allowed: High, Medium",
                "component 'network' is not allowed on the create screen of OPS/Task; allowed: database"), problems);
    }

    @Test
    void anUnknownIssueTypeListsTheOthers() {
        answerProjectAndTypes();

        assertEquals(List.of("issue type Story is not available in project OPS; available: Task, Bug"),
                tracker.problemsWith(ProjectMapping.of("OPS", "Story", List.of())));
    }

    @Test
    void anUnknownProjectIsOneProblem() {
        jira.answer("GET", "/rest/api/3/project/NOPE", 404, "{\"errorMessages\":[\"No project\"],\"errors\":{}}");

        assertEquals(List.of("project NOPE does not exist or the account cannot see it"),
                tracker.problemsWith(ProjectMapping.of("NOPE", "Task", List.of())));
    }

    @Test
    void refusedCredentialsAreAnError() {
        jira.answer("GET", "/rest/api/3/project/OPS", 401, "");

        assertThrows(TrackerAuthException.class, () -> tracker.problemsWith(ProjectMapping.of("OPS", "Task", List.of())));
    }

    private void answerProjectAndTypes() {
        jira.answer("GET", "/rest/api/3/project/OPS", 200, "{\"id\":\"10007\",\"key\":\"OPS\"}")
                .answer("GET", "/rest/api/3/issue/createmeta/OPS/issuetypes", 200, TYPES);
    }

    private static String field(String id, boolean required, String allowed) {
        return "{\"fieldId\":\"" + id + "\",\"key\":\"" + id + "\",\"name\":\"" + id + "\",\"required\":" + required
                + ",\"operations\":[\"set\"],\"schema\":{\"type\":\"string\"},\"allowedValues\":[" + allowed + "]}";
    }
}
