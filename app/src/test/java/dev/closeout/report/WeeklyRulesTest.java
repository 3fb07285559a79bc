package dev.closeout.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules the weekly review counts with: percentiles, time to close, closings, ISO weeks. Plain JUnit. */
class WeeklyRulesTest {

    @Test
    void percentilesInterpolateBetweenTheClosestRanks() {
        List<Double> days = List.of(53.0, 1.0, 50.875, 50.0);

        // sorted 1.0, 50.0, 50.875, 53.0: h = 1.5 and 2.7
        assertEquals(50.4375, FollowupRules.percentile(days, 0.5));
        assertEquals(52.3625, FollowupRules.percentile(days, 0.9), 1e-9);
        assertEquals(1.0, FollowupRules.percentile(days, 0));
        assertEquals(53.0, FollowupRules.percentile(days, 1));
        assertEquals(7.0, FollowupRules.percentile(List.of(7.0), 0.9));
        assertNull(FollowupRules.percentile(List.of(), 0.5));
        assertEquals(50.4, FollowupRules.days(50.4375));
        assertEquals(50.9, FollowupRules.days(50.875));
    }

    @Test
    void timeToCloseIsInFractionalDays() {
        assertEquals(1.5, FollowupRules.daysToClose(LocalDateTime.of(2026, 3, 1, 0, 0),
                LocalDateTime.of(2026, 3, 2, 12, 0)));
        assertEquals(0.333, FollowupRules.onTimeRate(1, 3));
        assertNull(FollowupRules.onTimeRate(0, 0));
    }

    @Test
    void aClosingLeavesAnActiveStatusAndAReopeningComesBack() {
        assertTrue(FollowupRules.isClosing("in_progress", "done"));
        assertTrue(FollowupRules.isClosing("open", "not_doing"));
        assertFalse(FollowupRules.isClosing("done", "not_doing"), "a closed follow-up is not closed again");
        assertFalse(FollowupRules.isClosing(null, "open"));
        assertTrue(FollowupRules.isReopening("not_doing", "open"));
        assertFalse(FollowupRules.isReopening("open", "in_progress"));
    }

    @Test
    void isoWeeksRunMondayToSundayAcrossTheYearsEdges() {
        assertEquals(LocalDate.of(2026, 11, 30), IsoWeek.parse("2026-W49").monday());
        assertEquals(LocalDate.of(2025, 12, 29), IsoWeek.parse("2026-W01").monday(), "week 1 holds 4 January");
        assertEquals(LocalDate.of(2027, 1, 3), IsoWeek.parse("2026-W53").sunday());
        assertEquals("2026-W53", IsoWeek.of(LocalDate.of(2027, 1, 1)).toString());
        assertEquals("2020-W53", IsoWeek.parse("2020-W53").toString());
        assertEquals("'2027-W53': 2027 has weeks 01 to 52", assertThrows(IllegalArgumentException.class,
                () -> IsoWeek.parse("2027-W53")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> IsoWeek.parse("2026-W00"));
    }
}
