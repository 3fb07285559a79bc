package dev.closeout.cli;

import dev.closeout.integrations.jira.fake.FakeJira;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jira check} against the fake Jira: what it prints and how it exits. */
class JiraCommandTest extends FreshDataDirectoryTest {

    private final List<String> set = new ArrayList<>();
    private FakeJira jira;

    @BeforeEach
    void startJira() {
        jira = FakeJira.start();
        jira.project("OPS");
    }

    @AfterEach
    void stopJira() {
        set.forEach(System::clearProperty);
        jira.close();
    }

    @Test
    void aWorkingConfigurationExitsZero() {
        configure(FakeJira.API_TOKEN);

        CommandLineRun run = CommandLineRun.of("jira", "check");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("authenticated as Closeout Bot"), run.out());
        assertTrue(run.out().contains("project OPS, issue type Task (follow-ups without a team): ok"), run.out());
        assertTrue(run.out().strip().endsWith("all good"), run.out());
    }

    @Test
    void aWrongTokenIsSaidInPlainWordsWithoutTheToken() {
        String wrong = "wrong-token-4f1c9a";
        configure(wrong);

        CommandLineRun run = CommandLineRun.of("jira", "check");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("not authenticated"), run.out());
        assertTrue(run.out().contains("closeout.jira.api-token"), run.out());
        assertFalse((run.out() + run.err()).contains(wrong), run.out() + run.err());
    }

    @Test
    void aPriorityMapWhenPriorityIsNotOnTheCreateScreenNamesTheFieldAndTheProject() {
        jira.project("PAY").createScreen("project", "issuetype", "summary", "description", "labels", "duedate",
                "assignee");
        configure(FakeJira.API_TOKEN);
        property("closeout.jira.teams.payments.project", "PAY");
        property("closeout.jira.teams.payments.priority-map.p1", "Highest");

        CommandLineRun run = CommandLineRun.of("jira", "check");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("project PAY, issue type Task (team payments"), run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.contains("'priority'") && line.contains("PAY")), run.out());
        assertTrue(run.out().contains("project OPS, issue type Task (follow-ups without a team): ok"), run.out());
    }

    @Test
    void anIncompleteConfigurationExitsTwoNamingTheSetting() {
        CommandLineRun run = CommandLineRun.of("jira", "check");

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("closeout.jira.base-url (CLOSEOUT_JIRA_BASE_URL) is not set"), run.out());
    }

    private void configure(String apiToken) {
        property("closeout.jira.base-url", jira.baseUrl().toString());
        property("closeout.jira.email", FakeJira.EMAIL);
        property("closeout.jira.api-token", apiToken);
        property("closeout.jira.default-project", "OPS");
    }

    private void property(String name, String value) {
        System.setProperty(name, value);
        set.add(name);
    }
}
