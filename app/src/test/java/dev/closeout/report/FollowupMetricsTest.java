package dev.closeout.report;

import dev.closeout.action.MovableClock;
import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The follow-up metrics on {@code /prometheus} after a refresh, on {@link WeeklyDataset} as it stands on
 * 2026-03-11 at noon, counted by hand; a scrape shows the values of the last refresh, never counts itself.
 */
class FollowupMetricsTest extends ApiTestBase {

    private static final Pattern SAMPLE = Pattern.compile("^(closeout_followups[a-z0-9_]*)\\{([^}]*)} (\\S+)$");

    @Inject
    MovableClock clock;

    @Inject
    FollowupMetrics metrics;

    WeeklyDataset data;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void buildTheDataset() {
        data = WeeklyDataset.build(client, clock);
    }

    @Test
    void countsFollowUpsByTeamAndStatusOverdueAndRecentClosings() {
        metrics.refresh();
        Map<String, Double> samples = scrape();

        // pay: a1, a3 done; a2, c2 not_doing; c1, e1 open. web: b1 open (reopened), b2 done, d1 in progress
        assertEquals(2.0, samples.get("closeout_followups{status=\"open\",team=\"pay\"}"));
        assertEquals(0.0, samples.get("closeout_followups{status=\"in_progress\",team=\"pay\"}"));
        assertEquals(2.0, samples.get("closeout_followups{status=\"done\",team=\"pay\"}"));
        assertEquals(2.0, samples.get("closeout_followups{status=\"not_doing\",team=\"pay\"}"));
        assertEquals(1.0, samples.get("closeout_followups{status=\"open\",team=\"web\"}"));
        assertEquals(1.0, samples.get("closeout_followups{status=\"in_progress\",team=\"web\"}"));
        assertEquals(1.0, samples.get("closeout_followups{status=\"done\",team=\"web\"}"));
        assertEquals(0.0, samples.get("closeout_followups{status=\"not_doing\",team=\"web\"}"));
        // due before 03-11 and active: b1 (02-20), d1 (03-06)
        assertEquals(0.0, samples.get("closeout_followups_overdue{team=\"pay\"}"));
        assertEquals(2.0, samples.get("closeout_followups_overdue{team=\"web\"}"));
        // closed since 03-04 12:00 and closed still: c2 (03-05) and a2 (03-06) not_doing, b2 done (03-09)
        assertEquals(0.0, samples.get("closeout_followups_closed_7d{status=\"done\",team=\"pay\"}"));
        assertEquals(2.0, samples.get("closeout_followups_closed_7d{status=\"not_doing\",team=\"pay\"}"));
        assertEquals(1.0, samples.get("closeout_followups_closed_7d{status=\"done\",team=\"web\"}"));
        // their days to close: c2 1, a2 53, b2 34
        Map<String, Double> pay = buckets(samples, "pay");
        assertEquals(Map.of("1.0", 1.0, "3.0", 1.0, "7.0", 1.0, "14.0", 1.0, "30.0", 1.0, "60.0", 2.0, "90.0", 2.0,
                "180.0", 2.0, "365.0", 2.0, "+Inf", 2.0), pay);
        Map<String, Double> web = buckets(samples, "web");
        assertEquals(Map.of("1.0", 0.0, "3.0", 0.0, "7.0", 0.0, "14.0", 0.0, "30.0", 0.0, "60.0", 1.0, "90.0", 1.0,
                "180.0", 1.0, "365.0", 1.0, "+Inf", 1.0), web);
    }

    @Test
    void aScrapeShowsTheLastRefreshNotTheDatabaseNow() {
        metrics.refresh();
        client.exchange(HttpRequest.POST("/api/actions/" + data.id("c1") + "/transitions",
                Map.of("to", "in_progress")).bearerAuth(ADMIN));

        assertEquals(2.0, scrape().get("closeout_followups{status=\"open\",team=\"pay\"}"));

        metrics.refresh();
        assertEquals(1.0, scrape().get("closeout_followups{status=\"open\",team=\"pay\"}"));
        assertEquals(1.0, scrape().get("closeout_followups{status=\"in_progress\",team=\"pay\"}"));
    }

    private Map<String, Double> scrape() {
        Map<String, Double> samples = new TreeMap<>();
        client.retrieve(HttpRequest.GET("/prometheus").bearerAuth(ADMIN)).lines().forEach(line -> {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                samples.put(sample.group(1) + "{" + sample.group(2) + "}", Double.parseDouble(sample.group(3)));
            }
        });
        return samples;
    }

    private static Map<String, Double> buckets(Map<String, Double> samples, String team) {
        Map<String, Double> buckets = new HashMap<>();
        Pattern bucket = Pattern.compile("closeout_followups_time_to_close_days\\{le=\"([^\"]+)\",team=\"" + team
                + "\"}");
        samples.forEach((series, value) -> {
            Matcher matcher = bucket.matcher(series);
            if (matcher.matches()) {
                buckets.put(matcher.group(1), value);
            }
        });
        return buckets;
    }
}
