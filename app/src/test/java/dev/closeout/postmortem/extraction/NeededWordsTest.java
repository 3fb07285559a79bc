package dev.closeout.postmortem.extraction;

import dev.closeout.postmortem.extraction.ActionLanguage.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The word lists that gate the costly patterns must let every spelling the patterns know through. */
class NeededWordsTest {

    @Test
    void everyActionSectionSpellingIsStillRead() {
        for (String heading : List.of("Corrective", "Correcteive", "Preventative", "Preventive", "Prevention",
                "Action Items", "Action plan", "Actions to prevent", "Follow-ups", "Followups", "Tasks", "Task list",
                "To-dos", "TODO", "Improvements", "Improved", "Next steps", "Future work", "Mitigation measures",
                "Remediation", "Fixes", "Measures", "Recommendations", "To prevent", "Going forward",
                "What we're doing", "What we are changing", "Changes we're making", "What's next", "Moving forward",
                "Looking ahead", "Looking forward", "Open items", "Work items", "Remaining work", "Further work")) {
            assertSameRole(Role.ACTIONS, heading);
        }
    }

    @Test
    void everyClosedSectionSpellingIsStillRead() {
        for (String heading : List.of("Timeline", "Time line", "Resolution", "Resolved", "Recovery", "Impact",
                "Root cause", "Rootcauses", "Trigger", "Detection method", "Summary", "What went wrong", "What worked",
                "What didn't work", "Went well", "Where we got lucky", "Conclusions", "Final thoughts", "Debugging",
                "Investigation", "Escalation", "Actions taken", "Steps taken", "How to make it attractive", "Status",
                "Background", "Overview", "Affected", "Symptoms", "Glossary", "Appendix", "References", "Attendees",
                "Stats", "Supporting information", "Duration", "Date", "Authors")) {
            assertSameRole(Role.CLOSED, heading);
        }
    }

    @Test
    void everyWordingAboutThisDefectStillMakesTheActionCorrective() {
        for (String wording : List.of("identify and rectify it", "to repair the", "incorrectly", "misconfigured",
                "known good", "faulty", "to handle the behavior", "this defect", "the bug", "the root cause",
                "workaround", "temporary mitigation", "until the", "has been reverted", "adhere to")) {
            assertCorrective("Write down " + wording);
        }
        assertCorrective("Raise the pool size to 50");
        assertEquals(ActionKind.PREVENTATIVE, ActionKind.of("Write down the plan", null, null));
    }

    @Test
    void everyChangedComponentStillMakesTheActionCorrective() {
        for (String component : List.of("algorithm", "logic", "deploy.sh script", "configuration file", "config file",
                "dependency", "dependencies", "query", "queries", "limits", "code")) {
            assertCorrective("Improve the retry " + component);
        }
        assertCorrective("The build.gradle.kts file should pin versions");
    }

    @Test
    void everyReviewOfThisSetupStillMakesTheActionCorrective() {
        for (String topic : List.of("configuration", "configurations", "settings")) {
            assertCorrective("Review the load balancer " + topic);
            assertCorrective("Conduct a thorough audit of the proxy " + topic);
        }
    }

    @Test
    void aReviewOfAProcessIsPreventativeAsTheLabellingGuideHasIt() {
        for (String topic : List.of("deployment process", "management process")) {
            assertEquals(ActionKind.PREVENTATIVE, ActionKind.of("Review the load balancer " + topic, null, null));
            assertEquals(ActionKind.PREVENTATIVE,
                    ActionKind.of("Conduct a thorough audit of the proxy " + topic, null, null));
        }
    }

    @Test
    void everyWordingThatVerifiesThisDefectStillMakesTheActionCorrective() {
        for (String wording : List.of("Reproduce the crash", "Debug the worker", "Diagnose the timeouts",
                "Investigate why it failed", "Look into the cronjobs as a potential cause",
                "Find out what caused the restarts", "Determine why the job stopped")) {
            assertCorrective(wording);
        }
    }

    @Test
    void everyPreventativeGroupSpellingStillMakesItsWorkPreventative() {
        String work = "Restart the monitoring agent";
        assertCorrective(work);
        for (String group : List.of("Prevention", "Preventive steps", "Detection", "Process", "Improvements",
                "Monitoring", "Alerting", "Documentation", "Training", "Long-term", "Long term", "Learnings",
                "Takeaways", "Lessons", "Future")) {
            assertEquals(ActionKind.PREVENTATIVE, ActionKind.of(work, group, null), group);
            assertEquals(ActionKind.PREVENTATIVE, ActionKind.of(work, group.toUpperCase(Locale.ROOT), null), group);
        }
    }

    @Test
    void workMarkedDoneIsStillCorrectiveWhateverSpaceFollowsTheMark() {
        for (String done : List.of("Add an alert [done]", "Add an alert (fixed)  ", "Add an alert [Completed]\t")) {
            assertCorrective(done);
        }
    }

    @Test
    void everyConclusionSpellingStillEndsTheListOfWork() {
        for (String conclusion : List.of("By implementing these steps, we are safer.", "In conclusion, it went well.",
                "In summary, we learnt a lot.", "Overall, a good week.", "Sincerely, the team", "Thank you.",
                "We apologize for the trouble.", "These measures help.", "The above changes help.",
                "Above improvements will help.", "With this we aim to do better.")) {
            assertEquals(true, ActionLanguage.isConclusion(conclusion), conclusion);
            assertEquals(true, ActionLanguage.isConclusion(conclusion.toUpperCase(Locale.ROOT)), conclusion);
        }
    }

    @Test
    void everySectionSpellingStandingAloneOnALineIsStillAHeading() {
        for (String heading : List.of("Action Items", "Next steps", "Timeline", "Root cause", "Lessons learned",
                "Takeaways", "Resulting actions")) {
            assertEquals(true, ActionLanguage.isTextHeading(heading), heading);
            assertEquals(true, ActionLanguage.isTextHeading(heading.toUpperCase(Locale.ROOT)), heading);
        }
    }

    private static void assertSameRole(Role role, String heading) {
        assertEquals(role, ActionLanguage.roleOf(heading), heading);
        assertEquals(role, ActionLanguage.roleOf(heading.toUpperCase(Locale.ROOT)), heading);
    }

    private static void assertCorrective(String text) {
        assertEquals(ActionKind.CORRECTIVE, ActionKind.of(text, null, null), text);
        assertEquals(ActionKind.CORRECTIVE, ActionKind.of(text.toUpperCase(Locale.ROOT), null, null), text);
    }
}
