package dev.closeout.action;

import dev.closeout.db.jooq.tables.records.ActionItemRecord;
import dev.closeout.demo.DemoData;
import dev.closeout.demo.DemoSettings;
import dev.closeout.support.ApiTestBase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The follow-up list walked page by page over a few thousand demo follow-ups (enough that a part of the list is
 * longer than the text search's window, so both of its ways are taken), compared with the same list computed
 * here from every row: the same follow-ups, in the same order, none twice, whatever the filters and order.
 */
class ActionListAtSizeTest extends ApiTestBase {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-01");

    @Inject
    MovableClock clock;

    @Inject
    DemoData demoData;

    private List<ActionItemRecord> all;
    private Map<Long, String> teamKeys;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    /** The tests share one demo history: emptying before each would lose it. */
    @Override
    protected void emptyDatabase() {
    }

    @BeforeAll
    void demoHistory() {
        cleaner.clean();
        clock.set(Instant.parse("2026-03-01T12:00:00Z"));
        demoData.generate(new DemoSettings(450, 8, 2, 5, TODAY, false), progress -> { });
        all = transactions.executeRead(status -> dsl.selectFrom(ACTION_ITEM).fetch());
        teamKeys = transactions.executeRead(status -> dsl.select(TEAM.ID, TEAM.TEAM_KEY).from(TEAM)
                .fetchMap(TEAM.ID, TEAM.TEAM_KEY));
        assertTrue(all.stream().filter(row -> row.getStatus().equals("done")).count() > ActionTextSearch.WINDOW,
                "a part longer than the text search's window");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "-id", "due", "-due", "created", "-created"})
    void everyOrderPagesThroughEveryFollowUpOnce(String sort) {
        assertPagesEqual("sort=" + sort, row -> true, sort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"due", "-due", "id"})
    void filtersPageInOrder(String sort) {
        long team = all.get(all.size() / 2).getTeamId();
        String owner = all.get(all.size() / 3).getOwner();
        assertPagesEqual("status=open,in_progress&sort=" + sort, row -> active(row), sort);
        assertPagesEqual("overdue=true&sort=" + sort,
                row -> active(row) && row.getDueDate() != null && row.getDueDate().isBefore(TODAY), sort);
        assertPagesEqual("team=" + teamKeys.get(team) + "&sort=" + sort, row -> Long.valueOf(team).equals(row.getTeamId()),
                sort);
        assertPagesEqual("owner=" + owner + "&status=open&sort=" + sort,
                row -> owner.equals(row.getOwner()) && row.getStatus().equals("open"), sort);
        assertPagesEqual("kind=corrective&due_before=" + TODAY.minusDays(90) + "&sort=" + sort,
                row -> "corrective".equals(row.getKind()) && row.getDueDate() != null
                        && row.getDueDate().isBefore(TODAY.minusDays(90)), sort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runbook", "the weekly game day", "idempotent", "CANARY stage", "no such words"})
    void aTextSearchFindsWhatContainsItCommonOrRare(String query) {
        String lower = query.toLowerCase(Locale.ROOT);
        Predicate<ActionItemRecord> contains = row -> row.getText().toLowerCase(Locale.ROOT).contains(lower);
        String q = "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        assertPagesEqual(q, contains, "id");
        assertPagesEqual(q + "&sort=-due", contains, "-due");
        assertPagesEqual(q + "&status=done,not_doing&sort=created", contains.and(row -> !active(row)), "created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"runbook", "idempotent", "connection pool", "no such words"})
    void aTextSearchPagesThroughTwoTeamsInSmallPages(String query) {
        long first = all.get(all.size() / 4).getTeamId();
        long second = all.stream().map(ActionItemRecord::getTeamId).filter(team -> team != null && team != first)
                .findFirst().orElseThrow();
        String lower = query.toLowerCase(Locale.ROOT);
        String q = "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        String scoped = token("scoped-" + query.replace(' ', '-'), "reader", teamKeys.get(second));
        Predicate<ActionItemRecord> contains = row -> row.getText().toLowerCase(Locale.ROOT).contains(lower);
        for (long team : List.of(first, second)) {
            Predicate<ActionItemRecord> ofTeam = contains.and(row -> Long.valueOf(team).equals(row.getTeamId()));
            for (String sort : List.of("id", "-id", "due", "-due", "created")) {
                assertPagesEqual(q + "&team=" + teamKeys.get(team) + "&sort=" + sort, ofTeam, sort, 7, ADMIN);
                assertPagesEqual(q + "&team=" + teamKeys.get(team) + "&status=open,in_progress&sort=" + sort,
                        ofTeam.and(ActionListAtSizeTest::active), sort, 7, ADMIN);
            }
        }
        Predicate<ActionItemRecord> ofScope = contains.and(row -> Long.valueOf(second).equals(row.getTeamId()));
        assertPagesEqual(q + "&sort=due", ofScope, "due", 7, scoped);
        assertPagesEqual(q + "&overdue=true&sort=due", ofScope.and(row -> active(row) && row.getDueDate() != null
                && row.getDueDate().isBefore(TODAY)), "due", 7, scoped);
    }

    private void assertPagesEqual(String query, Predicate<ActionItemRecord> filter, String sort) {
        assertPagesEqual(query, filter, sort, 200, ADMIN);
    }

    private void assertPagesEqual(String query, Predicate<ActionItemRecord> filter, String sort, int limit,
                                  String token) {
        List<Long> expected = all.stream().filter(filter).sorted(ListOrder.of(sort))
                .map(ActionItemRecord::getId).toList();
        List<Long> listed = new ArrayList<>();
        String next = null;
        do {
            Map<String, Object> page = getJson("/api/actions?limit=" + limit + "&" + query
                    + (next == null ? "" : "&cursor=" + next), token);
            list(page.get("items")).forEach(item -> listed.add(id(item)));
            next = (String) page.get("next");
        } while (next != null);
        assertEquals(expected, listed, query);
    }

    private static boolean active(ActionItemRecord row) {
        return row.getStatus().equals("open") || row.getStatus().equals("in_progress");
    }
}
