package dev.closeout.report;

import dev.closeout.action.MovableClock;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.transaction.TransactionOperations;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.support.TestTokens.ADMIN;

/**
 * The follow-ups the overdue report is tested on, with a history, built through the API with the clock moved
 * to each moment: two teams ({@code pay}: Checkout, Billing; {@code web}: Search) and a postmortem of a service
 * no team owns (Ledger), imported on 2026-01-01, then worked on until today, 2026-03-10. Owners, priorities,
 * kinds and due dates are in the postmortems' action tables; the due dates fall at the edges of every bucket.
 * The comment on each follow-up says what it is on 2026-03-10 (D): days overdue, or why it is not.
 */
public final class OverdueDataset {

    public static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    public static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    public static final String PAY = "pay";
    public static final String WEB = "web";

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    static final String SEARCH_SOURCE = "confluence/WEB/search-disk-2026-01.md";

    static final String CHECKOUT = """
            # Incident PIR: Checkout API latency

            **Service:** Checkout
            **Incident start:** 2025-12-28 14:05 UTC
            **Incident end:** 2025-12-28 15:47 UTC

            ## Root cause
            A release of the pricing service exhausted the orders database's connection pool.

            ## Action items

            | Action | Type | Owner | Due | Priority |
            | --- | --- | --- | --- | --- |
            | Roll back the pricing release everywhere | corrective | priya | 2026-03-09 | P1 |
            | Alert on connection pool saturation | preventative | priya | 2026-03-03 | P2 |
            | Cap the orders pool per instance | preventative | omar | 2025-12-09 | P2 |
            | Write a runbook for pool exhaustion | corrective | omar | 2026-03-10 | P1 |
            | Load test the pricing service | preventative | priya | 2026-02-28 | P3 |
            """;

    static final String BILLING = """
            # Postmortem: customers charged twice by Billing

            **Service:** Billing
            **Incident start:** 2025-12-20 09:10 UTC
            **Incident end:** 2025-12-20 11:40 UTC

            ## Root cause
            A retry of the payment capture job after a timeout was not idempotent.

            ## Action items

            | Action | Type | Owner | Due | Priority |
            | --- | --- | --- | --- | --- |
            | Make the capture job idempotent | corrective | omar | 2026-02-08 | P1 |
            | Refund the customers charged twice | corrective | priya | 2026-01-09 | P1 |
            | Audit double captures every week | corrective | omar | 2026-03-17 | P2 |
            | Build a dashboard of captures | preventative | omar | 2026-02-18 | P3 |
            """;

    static final String SEARCH = """
            # Postmortem: search results empty for 40 minutes

            **Service:** Search
            **Incident start:** 2025-12-15 22:00 UTC
            **Incident end:** 2025-12-15 22:40 UTC

            ## Root cause
            The disk of the search index node filled up with old snapshots.

            ## Action items

            | Action | Type | Owner | Due | Priority |
            | --- | --- | --- | --- | --- |
            | Delete index snapshots older than a week | corrective | wanda | 2026-03-02 | P2 |
            | Alert when the index disk is 80% full | preventative | wanda | 2026-02-07 | P1 |
            | Plan the capacity of the index nodes | preventative | wes | 2025-12-10 | P3 |
            | Document the snapshot retention | preventative | wes | 2026-03-18 | P3 |
            | Remove the legacy search index | corrective | wes | 2026-01-29 | P2 |
            | Rotate the disks of the index nodes | corrective | wanda | 2026-03-05 | P2 |
            """;

    static final String LEDGER = """
            # Postmortem: ledger totals drifted

            **Service:** Ledger
            **Incident start:** 2025-11-02 08:00 UTC
            **Incident end:** 2025-11-02 09:00 UTC

            ## Root cause
            Two nightly jobs wrote the same ledger rows.

            ## Action items

            | Action | Type | Owner | Due | Priority |
            | --- | --- | --- | --- | --- |
            | Reconcile the ledger every night | corrective | lena | 2025-11-30 | |
            | Archive the old ledger exports | corrective | lena | | |
            """;

    public final long checkoutPostmortem;
    public final long billingPostmortem;
    public final long searchPostmortem;
    public final long ledgerPostmortem;

    /** 1 day overdue (pay, priya, Checkout, P1, corrective). */
    public final long rollBack;
    /** 7 days (pay, priya, Checkout, P2, preventative), in progress since 2026-01-02. */
    public final long alertPool;
    /** 91 days (pay, omar, Checkout, P2, preventative). */
    public final long capPool;
    /** Due today: due soon, not overdue (pay, omar, P1). */
    public final long runbook;
    /** Done on 2026-01-15 (due D−10). */
    public final long loadTest;
    /** 30 days (pay, omar, Billing, P1, corrective). */
    public final long idempotent;
    /**
     * 60 days (pay, priya, Billing, P1, corrective), due 2026-01-09: in progress 2026-01-05, done 2026-02-01,
     * reopened 2026-02-20.
     */
    public final long refund;
    /** Due in 7 days: due soon (pay, omar, P2). */
    public final long audit;
    /** Not doing since 2026-01-10 (due D−20). */
    public final long dashboard;
    /** 8 days (web, wanda, Search, P2, corrective). */
    public final long snapshots;
    /** 31 days (web, wanda, Search, P1, preventative), in progress since 2026-01-02. */
    public final long diskAlert;
    /** 90 days (web, wes, Search, P3, preventative). */
    public final long capacity;
    /** Due in 8 days: neither overdue nor due soon (web, wes). */
    public final long retention;
    /** Removed from its postmortem by a re-import on 2026-02-15 (due 2026-01-29). */
    public final long legacyIndex;
    /** Due 2026-03-05, in progress 2026-03-01, done today at 08:00: overdue 4 days yesterday. */
    public final long rotateDisks;
    /** 100 days (no team, lena, Ledger, no priority, corrective). */
    public final long reconcile;
    /** No due date: never overdue (no team). */
    public final long archive;

    /** A reader token scoped to {@code web}, and one scoped to {@code pay}. */
    public final String webReader;
    public final String payReader;

    private final BlockingHttpClient client;

    private OverdueDataset(BlockingHttpClient client, DSLContext dsl, TransactionOperations<Connection> transactions,
                           MovableClock clock) {
        this.client = client;
        clock.set(Instant.parse("2026-01-01T09:00:00Z"));
        createTeam(PAY, "pay-oncall", List.of("Checkout", "Billing"));
        createTeam(WEB, "web-oncall", List.of("Search"));
        Map<String, Object> checkout = importMarkdown("confluence/PAY/checkout-2026-01.md", CHECKOUT);
        Map<String, Object> billing = importMarkdown("confluence/PAY/billing-2026-01.md", BILLING);
        Map<String, Object> search = importMarkdown(SEARCH_SOURCE, SEARCH);
        Map<String, Object> ledger = importMarkdown("wiki/ledger-2025-11.md", LEDGER);
        checkoutPostmortem = id(checkout);
        billingPostmortem = id(billing);
        searchPostmortem = id(search);
        ledgerPostmortem = id(ledger);
        List<Long> pay = actionIds(checkout);
        rollBack = pay.get(0);
        alertPool = pay.get(1);
        capPool = pay.get(2);
        runbook = pay.get(3);
        loadTest = pay.get(4);
        List<Long> payBilling = actionIds(billing);
        idempotent = payBilling.get(0);
        refund = payBilling.get(1);
        audit = payBilling.get(2);
        dashboard = payBilling.get(3);
        List<Long> web = actionIds(search);
        snapshots = web.get(0);
        diskAlert = web.get(1);
        capacity = web.get(2);
        retention = web.get(3);
        legacyIndex = web.get(4);
        rotateDisks = web.get(5);
        List<Long> none = actionIds(ledger);
        reconcile = none.get(0);
        archive = none.get(1);
        // the policy gave the archive a due date; this one has none
        transactions.executeWrite(status -> dsl.update(ACTION_ITEM).setNull(ACTION_ITEM.DUE_DATE)
                .where(ACTION_ITEM.ID.eq(archive)).execute());
        webReader = token("web-dashboard", WEB);
        payReader = token("pay-dashboard", PAY);

        clock.set(Instant.parse("2026-01-02T10:00:00Z"));
        move(alertPool, "in_progress", null);
        move(diskAlert, "in_progress", null);
        clock.set(Instant.parse("2026-01-05T10:00:00Z"));
        move(refund, "in_progress", null);
        clock.set(Instant.parse("2026-01-10T10:00:00Z"));
        move(dashboard, "not_doing", "the billing dashboard already shows captures");
        clock.set(Instant.parse("2026-01-15T10:00:00Z"));
        move(loadTest, "in_progress", null);
        move(loadTest, "done", null);
        clock.set(Instant.parse("2026-02-01T10:00:00Z"));
        move(refund, "done", null);
        clock.set(Instant.parse("2026-02-15T10:00:00Z"));
        importMarkdown(SEARCH_SOURCE,
                SEARCH.replace("| Remove the legacy search index | corrective | wes | 2026-01-29 | P2 |\n", ""));
        clock.set(Instant.parse("2026-02-20T10:00:00Z"));
        move(refund, "open", null);
        clock.set(Instant.parse("2026-03-01T10:00:00Z"));
        move(rotateDisks, "in_progress", null);
        clock.set(Instant.parse("2026-03-10T08:00:00Z"));
        move(rotateDisks, "done", null);
        clock.set(NOW);
    }

    public static OverdueDataset build(BlockingHttpClient client, DSLContext dsl,
                                       TransactionOperations<Connection> transactions, MovableClock clock) {
        return new OverdueDataset(client, dsl, transactions, clock);
    }

    private void createTeam(String key, String owner, List<String> services) {
        client.retrieve(HttpRequest.POST("/api/teams", Map.of("key", key, "name", "Team " + key,
                "default_owner", owner, "services", services)).bearerAuth(ADMIN), JSON);
    }

    private Map<String, Object> importMarkdown(String source, String text) {
        return client.retrieve(HttpRequest.POST("/api/postmortems?source=" + source, text)
                .contentType("text/markdown").bearerAuth(ADMIN), JSON);
    }

    private String token(String name, String team) {
        return (String) client.retrieve(HttpRequest.POST("/api/tokens", Map.of("name", name, "role", "reader",
                "team", team)).bearerAuth(ADMIN), JSON).get("token");
    }

    private void move(long id, String to, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        client.retrieve(HttpRequest.POST("/api/actions/" + id + "/transitions", body).bearerAuth(ADMIN),
                JSON);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> actionIds(Map<String, Object> postmortem) {
        return ((List<Map<String, Object>>) postmortem.get("actions")).stream().map(OverdueDataset::id).toList();
    }

    private static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }
}
