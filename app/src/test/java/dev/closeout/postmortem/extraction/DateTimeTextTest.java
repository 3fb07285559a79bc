package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateTimeTextTest {

    private static LocalDate date(String text) {
        return DateTimeText.dates(text).get(0).inYear(2000);
    }

    private static LocalTime time(String text) {
        return DateTimeText.times(text).get(0).time();
    }

    @Test
    void readsTheDateShapesOfPostmortems() {
        assertEquals(LocalDate.of(2024, 8, 17), date("August 17, 2024, 03:15 UTC"));
        assertEquals(LocalDate.of(2021, 1, 15), date("on 15/01/2021"));
        assertEquals(LocalDate.of(2020, 9, 25), date("Date: 09/25/2020"));
        assertEquals(LocalDate.of(2020, 4, 3), date("on 3.4.2020"));
        assertEquals(LocalDate.of(2000, 9, 7), date("on the 7th Sept"));
        assertEquals(LocalDate.of(2020, 2, 3), date("On Monday 3. February 2020"));
        assertEquals(LocalDate.of(2019, 3, 26), date("2019-3-26 (all times UTC+3)"));
        assertEquals(LocalDate.of(2018, 5, 23), date("On May 23th, 2018 at 1pm"));
        assertEquals(LocalDate.of(2021, 5, 26), date("Website Outage 5-26-21"));
    }

    @Test
    void readsDatesAndTimesWhateverSpacingAndCaseTheShapesAllow() {
        assertEquals(LocalDate.of(2024, 9, 3), date("from Sept.   3, 2024 on"));
        assertEquals(LocalDate.of(2024, 8, 17), date("17TH\tAugust 2024"));
        assertEquals(LocalDate.of(2024, 8, 17), date("2024/08/17"));
        assertEquals(LocalTime.of(9, 0), time("at 9\tAM, 5"));
        assertEquals(LocalTime.of(9, 5), time("(9:05)"));
        assertTrue(DateTimeText.dates("Sept    3 was four spaces too far").isEmpty());
        assertTrue(DateTimeText.dates("decided at 14:30 after 500 errors in 2024x").isEmpty());
        assertTrue(DateTimeText.times("500 errors, 123:45 and 2024-08-17").isEmpty());
        assertEquals(LocalDate.of(2024, 5, 3), date("3  of\tMay 2024"));
        assertEquals(LocalTime.of(15, 0), time("at 3  pm"));
        assertTrue(DateTimeText.times("2.5 hours, 5 minutes, 3   pm").isEmpty());
        assertTrue(DateTimeText.dates("5 minutes, 3 servers, 17    August").isEmpty());
    }

    @Test
    void doesNotTakeVersionsOrVerbsForDates() {
        assertTrue(DateTimeText.dates("Flutter v1.12.13+hotfix.5").isEmpty());
        assertTrue(DateTimeText.dates("the fix 2 may be late").isEmpty());
    }

    @Test
    void readsTheTimeShapesOfPostmortems() {
        assertEquals(LocalTime.of(15, 0), time("3pm"));
        assertEquals(LocalTime.of(0, 5), time("12:05 AM"));
        assertEquals(LocalTime.of(12, 0), time("12:00 PM"));
        assertEquals(LocalTime.of(16, 16), time("at 4:16 p.m. ET"));
        assertEquals(LocalTime.of(13, 0), time("13:00PM"));
        assertEquals(LocalTime.of(11, 0), time("Approximately 11 AM ET"));
    }

    @Test
    void attachesTheZoneWrittenAfterATime() {
        assertEquals(java.time.ZoneOffset.ofHours(3),
                DateTimeText.times("12:30 PM (UTC+03:00)").get(0).zone().fixed());
        assertEquals(java.time.ZoneOffset.ofHours(2),
                DateTimeText.times("14:50 Central African Time").get(0).zone().fixed());
    }

    @Test
    void readsADotBetweenHourAndMinutesOnlyWithAmOrPm() {
        assertEquals(LocalTime.of(8, 35), time("from 8.35 AM GMT"));
        assertEquals(LocalTime.of(22, 46), time("10.46 pm - the dependency was reinstalled"));
        assertEquals(LocalTime.of(0, 10), time("12.10 a.m."));
        assertTrue(DateTimeText.times("upgraded to 8.35 and took 2.5 hours").isEmpty());
        assertTrue(DateTimeText.times("version 1.12.13 am I right").isEmpty());
    }

    @Test
    void rejectsImpossibleTimes() {
        assertTrue(DateTimeText.times("curl 0:80").isEmpty());
    }
}
