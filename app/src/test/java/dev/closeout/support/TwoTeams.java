package dev.closeout.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.closeout.support.TestTokens.ADMIN;

/**
 * Two teams as an operator sets them up: {@code web} owns the storefront and search services, {@code pay}
 * owns checkout and billing, each with postmortems of its services imported through the API and tokens
 * scoped to it. Ids start far above 127, as they do after a few months of use.
 */
public final class TwoTeams {

    public static final String WEB = "web";
    public static final String PAY = "pay";
    public static final String CHECKOUT_SOURCE = "confluence/PAY/checkout-latency-2025-03.md";
    public static final String BILLING_SOURCE = "confluence/PAY/billing-double-charge-2025-05.md";
    public static final String SEARCH_SOURCE = "confluence/WEB/search-index-disk-2025-04.md";

    public static final String CHECKOUT_OUTAGE = """
            # Incident PIR: Checkout API latency (INC-2291)

            **Service:** Checkout
            **Incident start:** 2025-03-14 14:05 UTC
            **Incident end:** 2025-03-14 15:47 UTC

            ## Summary
            Between 14:05 and 15:47 UTC the Checkout API returned errors for roughly 35% of requests.

            ## Root cause
            A new release of the pricing service introduced an N+1 query against the orders database,
            exhausting the connection pool under normal Tuesday traffic.

            ## Action items

            | Action | Type | Owner | Due | Priority |
            | --- | --- | --- | --- | --- |
            | Add a query-count check to the pricing service's integration tests | preventative | | | |
            | Alert on connection pool saturation for the orders database | preventative | | | P2 |
            | Roll back pricing-service release 4.12.0 everywhere | corrective | priya | 2025-03-21 | P1 |
            """;

    /** The checkout postmortem as edited later in Confluence: one action reworded away, one added. */
    public static final String CHECKOUT_OUTAGE_EDITED = """
            # Incident PIR: Checkout API latency (INC-2291)

            **Service:** Checkout
            **Incident start:** 2025-03-14 14:05 UTC
            **Incident end:** 2025-03-14 15:47 UTC

            ## Summary
            Between 14:05 and 15:47 UTC the Checkout API returned errors for roughly 35% of requests.

            ## Root cause
            A new release of the pricing service introduced an N+1 query against the orders database,
            exhausting the connection pool under normal Tuesday traffic.

            ## Action items

            | Action | Type | Owner | Due | Priority |
            | --- | --- | --- | --- | --- |
            | Alert on connection pool saturation for the orders database | preventative | | | P2 |
            | Cap the orders database pool per service instance | preventative | | | P2 |
            | Publish a runbook for connection pool exhaustion | corrective | | | |
            """;

    public static final String BILLING_INCIDENT = """
            # Postmortem: customers charged twice by Billing

            **Service:** Billing
            **Incident start:** 2025-05-02 09:10 UTC
            **Incident end:** 2025-05-02 11:40 UTC

            ## Root cause
            A retry of the payment capture job after a timeout was not idempotent, so 412 invoices were
            captured twice.

            ## Corrective and preventative measures

            - Make the capture job idempotent with the invoice id as its key
            - Refund the 412 customers charged twice and email them
            """;

    public static final String SEARCH_INCIDENT = """
            # Postmortem: search results empty for 40 minutes

            **Service:** Search
            **Incident start:** 2025-04-09 22:00 UTC
            **Incident end:** 2025-04-09 22:40 UTC

            ## Root cause
            The disk of the search index node filled up with old snapshots, so the index went read-only.

            ## Action items

            - Delete search index snapshots older than a week, every night
            - Alert when the index node's disk is 80% full
            """;

    private final BlockingHttpClient client;

    public final long payCheckout;
    public final long payBilling;
    public final long webSearch;
    public final List<Long> checkoutActions;
    public final List<Long> billingActions;
    public final List<Long> searchActions;
    /** Tokens scoped to web, by role. */
    public final String webReader;
    public final String webEditor;
    /** A token scoped to pay, and its id. */
    public final String payEditor;
    public final long payEditorId;

    private TwoTeams(BlockingHttpClient client) {
        this.client = client;
        createTeam(WEB, "Web platform", "web-oncall", List.of("Storefront", "Search"));
        createTeam(PAY, "Payments", "pay-oncall", List.of("Checkout", "Billing"));
        Map<String, Object> checkout = importMarkdown(CHECKOUT_SOURCE, CHECKOUT_OUTAGE);
        Map<String, Object> billing = importMarkdown(BILLING_SOURCE, BILLING_INCIDENT);
        Map<String, Object> search = importMarkdown(SEARCH_SOURCE, SEARCH_INCIDENT);
        payCheckout = ApiTestBase.id(checkout);
        payBilling = ApiTestBase.id(billing);
        webSearch = ApiTestBase.id(search);
        checkoutActions = actionIds(checkout);
        billingActions = actionIds(billing);
        searchActions = actionIds(search);
        webReader = (String) token("web-dashboard", "reader", WEB).get("token");
        webEditor = (String) token("web-ci", "editor", WEB).get("token");
        Map<String, Object> pay = token("pay-ci", "editor", PAY);
        payEditor = (String) pay.get("token");
        payEditorId = ApiTestBase.id(pay);
    }

    /** Sets both teams up through the API (the test databases hand out ids from 100,000 up: {@link HighIds}). */
    public static TwoTeams setUp(BlockingHttpClient client) {
        return new TwoTeams(client);
    }

    /** Every follow-up id of pay's postmortems. */
    public List<Long> payActions() {
        return Stream.concat(checkoutActions.stream(), billingActions.stream()).toList();
    }

    public Map<String, Object> importMarkdown(String source, String text) {
        return importMarkdown(source, text, ADMIN);
    }

    public Map<String, Object> importMarkdown(String source, String text, String token) {
        return client.retrieve(HttpRequest.POST("/api/postmortems?source=" + source, text)
                .contentType("text/markdown").bearerAuth(token), ApiTestBase.JSON_OBJECT);
    }

    private void createTeam(String key, String name, String owner, List<String> services) {
        client.retrieve(HttpRequest.POST("/api/teams", Map.of("key", key, "name", name, "default_owner", owner,
                "services", services)).bearerAuth(ADMIN), ApiTestBase.JSON_OBJECT);
    }

    private Map<String, Object> token(String name, String role, String team) {
        return client.retrieve(HttpRequest.POST("/api/tokens", Map.of("name", name, "role", role, "team", team))
                .bearerAuth(ADMIN), ApiTestBase.JSON_OBJECT);
    }

    private static List<Long> actionIds(Map<String, Object> postmortem) {
        return ApiTestBase.list(postmortem.get("actions")).stream().map(ApiTestBase::id).toList();
    }
}
