package dev.closeout.integrations.jira.fake;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JqlTest {
    private static final ZoneId SITE = ZoneId.of("+08:00");

    private static FakeIssue issueUpdatedAt(String instant) {
        FakeIssue issue = new FakeIssue("10000", Instant.parse(instant));
        issue.key = "OPS-1";
        issue.project = new FakeProject("10000", "OPS");
        return issue;
    }

    private static boolean matches(String jql, FakeIssue issue, Instant now) {
        return Jql.parse(jql, now, SITE, k -> k.equals("OPS")).filter().test(issue);
    }

    @Test
    void absoluteDatesAreInTheSiteZoneAtMinuteResolution() {
        FakeIssue issue = issueUpdatedAt("2025-11-21T01:42:30Z"); // 09:42:30 at +08:00
        Instant now = Instant.parse("2025-11-22T00:00:00Z");
        assertTrue(matches("updated >= \"2025/11/21 09:42\"", issue, now));
        assertFalse(matches("updated >= \"2025-11-21 09:43\"", issue, now));
        assertTrue(matches("updated >= \"2025-11-21\"", issue, now));
    }

    @Test
    void relativePeriodsAndEpochMillis() {
        FakeIssue issue = issueUpdatedAt("2025-11-21T10:00:00Z");
        assertTrue(matches("updated >= \"-15m\"", issue, Instant.parse("2025-11-21T10:10:00Z")));
        assertFalse(matches("updated >= \"-15m\"", issue, Instant.parse("2025-11-21T10:20:00Z")));
        assertTrue(matches("updated >= -1h", issue, Instant.parse("2025-11-21T10:20:00Z")));
        assertTrue(matches("updated >= \"-2d\"", issue, Instant.parse("2025-11-22T10:20:00Z")));
        assertTrue(matches("updated >= \"-1w\"", issue, Instant.parse("2025-11-25T10:20:00Z")));
        long millis = Instant.parse("2025-11-21T09:59:00Z").toEpochMilli();
        assertTrue(matches("updated > " + millis, issue, Instant.now()));
    }

    @Test
    void boundedOnlyWithARestriction() {
        assertFalse(Jql.parse("order by updated asc", Instant.now(), SITE, k -> true).bounded());
        assertTrue(Jql.parse("project = OPS ORDER BY updated ASC", Instant.now(), SITE, k -> true).bounded());
    }

    @Test
    void rejectsWhatItCannotParse() {
        assertThrows(Jql.JqlException.class, () -> Jql.parse("project = OPS OR project = X", Instant.now(), SITE, k -> true));
        assertThrows(Jql.JqlException.class, () -> Jql.parse("labels in (a, b", Instant.now(), SITE, k -> true));
        assertThrows(Jql.JqlException.class, () -> Jql.parse("updated >= \"yesterday\"", Instant.now(), SITE, k -> true));
        assertThrows(Jql.JqlException.class, () -> Jql.parse("project = OPS ORDER BY summary", Instant.now(), SITE, k -> true));
        assertThrows(Jql.JqlException.class, () -> Jql.parse("project = NOPE", Instant.now(), SITE, k -> k.equals("OPS")));
    }
}
