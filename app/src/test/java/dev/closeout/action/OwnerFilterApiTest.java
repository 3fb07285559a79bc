package dev.closeout.action;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The owner filters match an owner however it is written: people type "dana", "@dana" or "Dana" for one person,
 * and e-mail addresses in any case. The list API, a team's list and the overdue report agree, a page at a time.
 */
class OwnerFilterApiTest extends ActionApiTestSupport {

    @Inject
    MovableClock clock;

    /** The follow-ups of the dataset, by owner as written. */
    private List<Long> dana;
    private List<Long> email;
    private long danai;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void ownersWrittenSeveralWays() {
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
        List<Long> ids = importActions("Add an alert on queue depth", "Fix the retry loop", "Document the failover",
                "Rotate the on-call runbook", "Cap the connection pool", "Add a canary stage", "Review the timeouts");
        long web = insertTeam("web");
        List<String> owners = List.of("dana", "@dana", "Dana", "Dana@Example.com", "dana@example.com", "danai",
                "sam");
        for (int i = 0; i < owners.size(); i++) {
            patchCurrent(ids.get(i), Map.of("owner", owners.get(i), "team", "web"), ADMIN);
        }
        dana = ids.subList(0, 3);
        email = ids.subList(3, 5);
        danai = ids.get(5);
        assertEquals(7, ids(getJson("/api/teams/web/actions")).size(), "every one is web's, team id " + web);
    }

    @Test
    void anOwnerWrittenWithAnAtOrCapitalsFindsTheSameFollowUps() {
        for (String owner : List.of("dana", "@dana", "Dana", " DANA ")) {
            assertEquals(dana, ids(getJson("/api/actions?owner=" + encode(owner))), owner);
            assertEquals(dana, ids(getJson("/api/teams/web/actions?owner=" + encode(owner))), owner);
        }
        assertEquals(List.of(danai), ids(getJson("/api/actions?owner=DANAI")));
    }

    @Test
    void emailOwnersCompareIgnoringCase() {
        for (String owner : List.of("dana@example.com", "DANA@EXAMPLE.COM", "@Dana@example.com")) {
            assertEquals(email, ids(getJson("/api/actions?owner=" + encode(owner))), owner);
        }
    }

    @Test
    void pagesOfOneOwnerHoldEachOfItsFollowUpsOnce() {
        List<Long> seen = new ArrayList<>();
        String uri = "/api/actions?owner=%40DANA&limit=2";
        Map<String, Object> page = getJson(uri);
        seen.addAll(ids(page));
        while (page.get("next") != null) {
            page = getJson(uri + "&cursor=" + page.get("next"));
            seen.addAll(ids(page));
        }
        assertEquals(dana, seen);
    }

    @Test
    void theOverdueReportFiltersOwnersAlike() {
        // a year on, every follow-up is past its policy due date
        clock.advance(Duration.ofDays(365));

        for (String owner : List.of("dana", "@Dana")) {
            Map<String, Object> report = getJson("/api/reports/overdue?owner=" + encode(owner));
            assertEquals(3, ((Number) report.get("total")).intValue(), owner);
            assertEquals(dana.stream().sorted().toList(), list(report.get("items")).stream()
                    .map(item -> id(item)).sorted().toList(), owner);
        }
    }

    @Test
    void anOwnerNamingNoOneIsRefusedNamingTheField() {
        assertProblem(HttpStatus.BAD_REQUEST, "owner", () -> exchange(HttpRequest.GET("/api/actions?owner=%40")
                .bearerAuth(ADMIN)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
