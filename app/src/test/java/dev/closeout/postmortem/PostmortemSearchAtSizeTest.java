package dev.closeout.postmortem;

import dev.closeout.db.jooq.tables.records.PostmortemRecord;
import dev.closeout.support.ApiTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/postmortems?q=} paged over more postmortems than a text search walks before it asks the
 * full-text index ({@link PostmortemQueries#WINDOW}): a common word, a word too rare to fill a page among the
 * newest, one found only in the oldest and none, in small and large pages, give every match once, newest first.
 */
class PostmortemSearchAtSizeTest extends ApiTestBase {

    private static final int COUNT = PostmortemQueries.WINDOW + 700;

    /** The tests share the postmortems written once for the class: emptying before each would lose them. */
    @Override
    protected void emptyDatabase() {
    }

    @BeforeAll
    void manyPostmortems() {
        cleaner.clean();
        LocalDateTime now = LocalDateTime.parse("2026-03-01T12:00:00");
        List<PostmortemRecord> rows = new ArrayList<>();
        for (int number = 0; number < COUNT; number++) {
            PostmortemRecord row = new PostmortemRecord();
            row.setTitle("Outage " + number + (number % 3 == 0 ? " of the Replication stream" : ""));
            row.setService(number % 97 == 0 ? "ledger" : "checkout");
            row.setRootCauseSummary((number % 61 == 0 ? "An expired certificate" : "A bad deploy")
                    + (number < 40 ? " hit the archival tier" : ""));
            row.setOriginalText("# Outage " + number);
            row.setContentHash(String.format("%064d", number));
            row.setCreatedAt(now);
            row.setUpdatedAt(now);
            rows.add(row);
        }
        transactions.executeWrite(status -> dsl.batchInsert(rows).execute());
    }

    @ParameterizedTest
    @ValueSource(strings = {"replication", "expired", "ledger", "archival", "kerberos"})
    void everyMatchOnceNewestFirstInPagesOfAnySize(String query) {
        List<PostmortemRecord> all = transactions.executeRead(status -> dsl.selectFrom(POSTMORTEM).fetch());
        assertTrue(all.size() > PostmortemQueries.WINDOW, "more postmortems than the window");
        String lower = query.toLowerCase(Locale.ROOT);
        List<Long> expected = all.stream()
                .filter(row -> (row.getTitle() + "\n" + row.getService() + "\n" + row.getRootCauseSummary())
                        .toLowerCase(Locale.ROOT).contains(lower))
                .map(PostmortemRecord::getId).sorted(Comparator.reverseOrder()).toList();
        for (int limit : List.of(7, 50, 200)) {
            assertEquals(expected, paged("q=" + query, limit), query + ", pages of " + limit);
        }
    }

    private List<Long> paged(String query, int limit) {
        List<Long> listed = new ArrayList<>();
        String next = null;
        do {
            Map<String, Object> page = getJson("/api/postmortems?limit=" + limit + "&" + query
                    + (next == null ? "" : "&cursor=" + next));
            list(page.get("items")).forEach(item -> listed.add(id(item)));
            next = (String) page.get("next");
        } while (next != null);
        return listed;
    }
}
