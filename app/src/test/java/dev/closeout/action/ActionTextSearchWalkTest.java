package dev.closeout.action;

import dev.closeout.db.jooq.tables.records.ActionItemRecord;
import dev.closeout.db.jooq.tables.records.PostmortemRecord;
import dev.closeout.support.ApiTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code q=} over more follow-ups of one status than the text search's long window
 * ({@link ActionTextSearch#LONG_WINDOW}), with a word in one follow-up of 150: the window promises a page, the
 * walk goes on to the long window's end, page after page, in every order, with and without due dates and
 * with ties; a word too rare for that, and none, go through the full-text index.
 */
class ActionTextSearchWalkTest extends ApiTestBase {

    private static final int COUNT = ActionTextSearch.LONG_WINDOW + 3_000;
    private static final LocalDate BASE = LocalDate.parse("2024-01-01");

    private List<ActionItemRecord> all;

    /** The tests share the follow-ups written once for the class: emptying before each would lose them. */
    @Override
    protected void emptyDatabase() {
    }

    @BeforeAll
    void manyFollowUps() {
        cleaner.clean();
        LocalDateTime now = LocalDateTime.parse("2026-03-01T12:00:00");
        PostmortemRecord postmortem = new PostmortemRecord();
        postmortem.setTitle("Queue outage");
        postmortem.setOriginalText("# Queue outage");
        postmortem.setContentHash("0".repeat(64));
        postmortem.setCreatedAt(now);
        postmortem.setUpdatedAt(now);
        long postmortemId = transactions.executeWrite(status -> dsl.insertInto(POSTMORTEM).set(postmortem)
                .returning(POSTMORTEM.ID).fetchOne()).getId();
        List<ActionItemRecord> rows = new ArrayList<>();
        for (int number = 0; number < COUNT; number++) {
            ActionItemRecord row = new ActionItemRecord();
            row.setPostmortemId(postmortemId);
            row.setPosition(number);
            row.setText(number % 150 == 7 ? "Make the consumer Idempotent" : number == 5 || number == COUNT - 9
                    ? "Move off kerberos" : "Write a runbook for this");
            row.setStatus(number % 13 == 0 ? "open" : "done");
            row.setDueDate(number % 10 == 0 ? null : BASE.plusDays(number * 37L % 900));
            // three follow-ups at a time share their creation time
            row.setCreatedAt(now.minusMinutes(COUNT - number / 3));
            row.setUpdatedAt(now);
            rows.add(row);
        }
        transactions.executeWrite(status -> dsl.batchInsert(rows).execute());
        all = transactions.executeRead(status -> dsl.selectFrom(ACTION_ITEM).fetch());
        assertTrue(all.stream().filter(row -> row.getStatus().equals("done")).count() > ActionTextSearch.LONG_WINDOW);
    }

    @ParameterizedTest
    @CsvSource({"idempotent,id", "idempotent,-id", "idempotent,due", "idempotent,-due", "idempotent,created",
            "idempotent,-created", "kerberos,due", "kerberos,-id", "nothing here,due"})
    void aWordPagesThroughEveryMatchOnce(String word, String sort) {
        Predicate<ActionItemRecord> contains = row -> row.getText().toLowerCase(Locale.ROOT).contains(word);
        String q = "q=" + word.replace(" ", "%20");
        assertPagesEqual(q + "&sort=" + sort, contains, sort);
        assertPagesEqual(q + "&status=done&sort=" + sort, contains.and(row -> row.getStatus().equals("done")), sort);
    }

    private void assertPagesEqual(String query, Predicate<ActionItemRecord> filter, String sort) {
        List<Long> expected = all.stream().filter(filter).sorted(ListOrder.of(sort))
                .map(ActionItemRecord::getId).toList();
        List<Long> listed = new ArrayList<>();
        String next = null;
        do {
            Map<String, Object> page = getJson("/api/actions?limit=50&" + query
                    + (next == null ? "" : "&cursor=" + next), ADMIN);
            list(page.get("items")).forEach(item -> listed.add(id(item)));
            next = (String) page.get("next");
        } while (next != null);
        assertEquals(expected, listed, query);
    }
}
