package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TimeZoneNameTest {

    private static TimeZoneName.Found find(String text) {
        return TimeZoneName.find(text, 0, text.length());
    }

    @Test
    void readsTheLongestNameWrittenSoASeasonPairIsARegion() {
        assertEquals(ZoneId.of("America/Los_Angeles"), find("at 9:00 PST/PDT").zone().region());
        assertEquals(ZoneOffset.ofHours(-8), find("at 9:00 PST, later").zone().fixed());
    }

    @Test
    void readsOffsetsWithAndWithoutMinutes() {
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), find("14:00 UTC+0530").zone().fixed());
        assertEquals(ZoneOffset.ofHours(-4), find("(GMT-04:00)").zone().fixed());
        assertEquals(ZoneOffset.ofHours(-3), find("UTC\u22123").zone().fixed());
    }

    @Test
    void passesOverAnOffsetOutOfRangeToTheNextName() {
        TimeZoneName.Found found = find("UTC+15 then CET");
        assertEquals(ZoneOffset.ofHours(1), found.zone().fixed());
        assertEquals(12, found.start());
    }

    @Test
    void readsLongNamesInAnyCaseAndSpacingButAbbreviationsOnlyInCapitals() {
        assertEquals(ZoneOffset.ofHours(2), find("14:50 central  african\ttime").zone().fixed());
        assertNull(find("a pst of time"));
        assertNull(find("CETUS and ESTABLISHED"));
    }

    @Test
    void takesZOnlyRightAfterADigit() {
        assertNull(find("Plan Z"));
        TimeZoneName.Found found = find("at 14:00Z");
        assertEquals(ZoneOffset.UTC, found.zone().fixed());
        assertEquals(9, found.end());
    }
}
