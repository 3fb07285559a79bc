package dev.closeout.team;

import dev.closeout.postmortem.Postmortem;
import io.micronaut.core.annotation.Nullable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The due-date policy on its own: days by kind and priority, team overrides, weekends. */
class DuePolicyTest {

    private static final DuePolicy ATLASSIAN = new DuePolicyConfiguration(28, 56, null).policy();
    /** A Monday: four and eight weeks later are Mondays too, so no weekend shift hides the count. */
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    @Test
    void aCorrectiveActionIsDueFourWeeksAfterTheIncidentByDefault() {
        assertEquals(LocalDate.of(2025, 3, 31), ATLASSIAN.dueDate(MONDAY, "corrective", null));
    }

    @Test
    void aPreventativeActionIsDueEightWeeksAfterTheIncidentByDefault() {
        assertEquals(LocalDate.of(2025, 4, 28), ATLASSIAN.dueDate(MONDAY, "preventative", null));
        assertEquals(LocalDate.of(2025, 4, 28), ATLASSIAN.dueDate(MONDAY, "Preventative", null));
    }

    @Test
    void anActionOfUnknownKindGetsTheCorrectiveDeadline() {
        assertEquals(LocalDate.of(2025, 3, 31), ATLASSIAN.dueDate(MONDAY, null, null));
    }

    @Test
    void thePriorityTableOverridesTheKindWhateverTheCaseOfThePriority() {
        DuePolicy policy = new DuePolicyConfiguration(28, 56, Map.of("P1", 14, "critical", 3)).policy();

        assertEquals(LocalDate.of(2025, 3, 17), policy.dueDate(MONDAY, "preventative", "p1"));
        assertEquals(LocalDate.of(2025, 3, 6), policy.dueDate(MONDAY, "corrective", " Critical "));
        assertEquals(LocalDate.of(2025, 4, 28), policy.dueDate(MONDAY, "preventative", "P3"));
    }

    @Test
    void aTeamOverridesOnlyTheValuesItSets() {
        DuePolicy global = new DuePolicyConfiguration(28, 56, Map.of("p0", 7, "p1", 14)).policy();
        DuePolicy team = new DuePolicy(21, null, Map.of("P1", 10, "p2", 35)).validated("due_policy");

        DuePolicy effective = global.overriddenBy(team);

        assertEquals(new DuePolicy(21, 56, Map.of("p0", 7, "p1", 10, "p2", 35)), effective);
        assertEquals(LocalDate.of(2025, 3, 24), effective.dueDate(MONDAY, "corrective", null));
        assertEquals(LocalDate.of(2025, 4, 28), effective.dueDate(MONDAY, "preventative", null));
        assertEquals(LocalDate.of(2025, 3, 10), effective.dueDate(MONDAY, "corrective", "p0"));
        assertEquals(LocalDate.of(2025, 3, 13), effective.dueDate(MONDAY, "corrective", "P1"));
    }

    @Test
    void aDueDateOnAWeekendMovesToTheMondayAfter() {
        DuePolicy policy = new DuePolicyConfiguration(5, 6, null).policy();

        assertEquals(LocalDate.of(2025, 3, 10), policy.dueDate(MONDAY, "corrective", null), "Saturday");
        assertEquals(LocalDate.of(2025, 3, 10), policy.dueDate(MONDAY, "preventative", null), "Sunday");
        assertEquals(LocalDate.of(2025, 3, 7), new DuePolicyConfiguration(4, 56, null).policy()
                .dueDate(MONDAY, null, null), "Friday stays");
    }

    @Test
    void rejectsDaysOutOfRangeNamingTheField() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new DuePolicy(0, null, Map.of()).validated("due_policy"));
        IllegalArgumentException priority = assertThrows(IllegalArgumentException.class,
                () -> new DuePolicy(null, null, Map.of("p1", 5000)).validated("due_policy"));

        assertTrue(zero.getMessage().startsWith("due_policy.corrective_days:"), zero.getMessage());
        assertTrue(priority.getMessage().startsWith("due_policy.priority_days.p1:"), priority.getMessage());
    }

    @Test
    void rejectsTwoPrioritiesThatDifferOnlyInCase() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new DuePolicy(null, null, Map.of("P1", 7, "p1", 14)).validated("due_policy"));

        assertTrue(error.getMessage().contains("'p1' is given twice"), error.getMessage());
    }

    @Test
    void countsFromTheIncidentStartOrTheImportWhenTheStartIsUnknown() {
        LocalDateTime imported = LocalDateTime.of(2025, 6, 15, 23, 30);

        assertEquals(LocalDate.of(2025, 3, 8),
                FollowUpDefaults.countedFrom(postmortem(LocalDateTime.of(2025, 3, 8, 14, 0), imported)));
        assertEquals(LocalDate.of(2025, 6, 15), FollowUpDefaults.countedFrom(postmortem(null, imported)));
    }

    private static Postmortem postmortem(@Nullable LocalDateTime incidentStart, LocalDateTime importedAt) {
        return new Postmortem(1L, null, "Outage", "checkout", "markdown", incidentStart, null, null, null, null, null,
                null, null, "# Outage", "0".repeat(64), null, importedAt, importedAt);
    }
}
