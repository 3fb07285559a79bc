package dev.closeout.security;

import dev.closeout.jira.JiraApiTestBase;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.API_TOKEN;
import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.db.jooq.Tables.TEAM_SERVICE;
import static dev.closeout.support.TestTokens.ADMIN;
import static dev.closeout.support.TwoTeams.BILLING_INCIDENT;
import static dev.closeout.support.TwoTeams.CHECKOUT_OUTAGE_EDITED;
import static dev.closeout.support.TwoTeams.CHECKOUT_SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the served OpenAPI document, called with tokens scoped to {@code web} against what is
 * {@code pay}'s (its postmortems, follow-ups, team, a token), answers as docs/api.md "Team scope" says: 404
 * for another team's object, 403 for an operation a scoped token may not do, a list without {@code pay}'s
 * items; and {@code pay}'s data is the same afterwards. The operations come from the document; how to call
 * each is the table below. An operation (or a request content type) the table does not know fails the test,
 * so a report or page added later is probed as soon as it is served.
 */
class TeamScopeEveryOperationTest extends JiraApiTestBase {

    private static final String SPEC = "/swagger/closeout-0.1.yml";

    /** What a probe expects from a token of {@code web}. */
    private sealed interface Expect permits NotFound, Forbidden, ListWithoutPay, EveryItemRefused, SignedOnly {
    }

    /** 404 whose detail names the object, as for one that does not exist. */
    private record NotFound(String detail) implements Expect {
    }

    /** 403: the operation is not a team-scoped token's. */
    private record Forbidden() implements Expect {
    }

    /**
     * 200 with none of {@code pay}'s items: no {@code id} among {@code payIds}, no {@code postmortem_id} of
     * pay's, no team {@code pay}; the admin asking the same gets some, so a leak would show.
     */
    private record ListWithoutPay(Function<TwoTeams, Collection<Long>> payIds) implements Expect {
    }

    /** 200 from a batch import, every item failed naming the field that refused it. */
    private record EveryItemRefused() implements Expect {
    }

    /** 401: authenticated by Jira's signature, not by a token, which grants nothing here. */
    private record SignedOnly() implements Expect {
    }

    /** What the server answered, refusals included. */
    private record Answer(HttpStatus status, String body) {
    }

    /** One call of an operation: its request body's content type (null: none) and how to build it. */
    private record Probe(String contentType, Function<TwoTeams, MutableHttpRequest<?>> request, Expect expect) {
    }

    /** "METHOD /path" as the document writes it → the probes of that operation. */
    private static final Map<String, List<Probe>> PROBES = new TreeMap<>();

    static {
        Function<TwoTeams, Collection<Long>> payActions = TwoTeams::payActions;
        Function<TwoTeams, Collection<Long>> payPostmortems = t -> List.of(t.payCheckout, t.payBilling);
        NotFound payAction = new NotFound("no action with id");
        NotFound payPostmortem = new NotFound("no postmortem with id");
        NotFound payTeam = new NotFound("no team with key 'pay'");
        Forbidden forbidden = new Forbidden();

        probe("GET /api/actions", null, t -> get("/api/actions"), new ListWithoutPay(payActions));
        probe("GET /api/actions", null, t -> get("/api/actions?postmortem=" + t.payCheckout + "&team=pay"),
                new ListWithoutPay(payActions));
        probe("GET /api/actions/{id}", null, t -> get("/api/actions/" + payAction(t)), payAction);
        probe("PATCH /api/actions/{id}", MediaType.APPLICATION_JSON, t -> HttpRequest.PATCH(
                "/api/actions/" + payAction(t), Map.of("owner", "mallory", "version", 0)), payAction);
        probe("POST /api/actions/{id}/dismiss", MediaType.APPLICATION_JSON, t -> HttpRequest.POST(
                "/api/actions/" + payAction(t) + "/dismiss", Map.of("reason", "not a follow-up")), payAction);
        probe("POST /api/actions/{id}/restore", null, t -> HttpRequest.POST(
                "/api/actions/" + payAction(t) + "/restore", ""), payAction);
        probe("GET /api/actions/{id}/history", null, t -> get("/api/actions/" + payAction(t) + "/history"), payAction);
        probe("GET /api/actions/{id}/ticket", null, t -> get("/api/actions/" + payAction(t) + "/ticket"), payAction);
        probe("POST /api/actions/{id}/ticket", MediaType.APPLICATION_JSON,
                t -> HttpRequest.POST("/api/actions/" + payAction(t) + "/ticket", Map.of()), payAction);
        probe("POST /api/actions/{id}/transitions", MediaType.APPLICATION_JSON, t -> HttpRequest.POST(
                "/api/actions/" + payAction(t) + "/transitions", Map.of("to", "in_progress")), payAction);

        probe("GET /api/integrations/jira/status", null, t -> get("/api/integrations/jira/status"), forbidden);
        probe("POST /api/integrations/jira/sync", null, t -> HttpRequest.POST("/api/integrations/jira/sync", ""),
                forbidden);
        probe("POST /api/integrations/jira/reconcile", null,
                t -> HttpRequest.POST("/api/integrations/jira/reconcile", ""), forbidden);
        probe("POST /api/integrations/jira/webhook", "*/*", t -> HttpRequest.POST("/api/integrations/jira/webhook",
                "{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10001\"}}")
                .contentType(MediaType.APPLICATION_JSON), new SignedOnly());

        // the bare list's scoping is NotificationApiTest's: it needs notifications sent first
        probe("GET /api/notifications", null, t -> get("/api/notifications?team=pay"), forbidden);

        probe("GET /api/postmortems", null, t -> get("/api/postmortems"), new ListWithoutPay(payPostmortems));
        probe("GET /api/postmortems", null, t -> get("/api/postmortems?q=checkout&service=Checkout"),
                new ListWithoutPay(payPostmortems));
        // re-imports of pay's sources, and pay's text under a new source: refused, nothing written
        probe("POST /api/postmortems", MediaType.APPLICATION_JSON, t -> HttpRequest.POST("/api/postmortems",
                Map.of("source", CHECKOUT_SOURCE, "text", CHECKOUT_OUTAGE_EDITED)), forbidden);
        probe("POST /api/postmortems", "text/markdown", t -> HttpRequest.POST("/api/postmortems?source="
                + CHECKOUT_SOURCE, CHECKOUT_OUTAGE_EDITED).contentType("text/markdown"), forbidden);
        probe("POST /api/postmortems", MediaType.TEXT_PLAIN, t -> HttpRequest.POST(
                "/api/postmortems?source=web-notes/billing-copy.txt", BILLING_INCIDENT)
                .contentType(MediaType.TEXT_PLAIN), forbidden);
        probe("POST /api/postmortems", MediaType.TEXT_HTML, t -> HttpRequest.POST("/api/postmortems?source="
                + TwoTeams.BILLING_SOURCE, "<h1>Postmortem: customers charged twice by Billing</h1>"
                + "<p><b>Service:</b> Billing</p><h2>Action items</h2><ul><li>Alert on double captures</li></ul>")
                .contentType(MediaType.TEXT_HTML), forbidden);
        probe("POST /api/postmortems/batch", MediaType.APPLICATION_JSON, t -> HttpRequest.POST(
                "/api/postmortems/batch", List.of(Map.of("source", CHECKOUT_SOURCE, "text", CHECKOUT_OUTAGE_EDITED),
                        Map.of("source", TwoTeams.BILLING_SOURCE, "text", BILLING_INCIDENT + "- Audit captures\n"))),
                new EveryItemRefused());
        probe("POST /api/postmortems/batch", MediaType.MULTIPART_FORM_DATA, t -> HttpRequest.POST(
                "/api/postmortems/batch", MultipartBody.builder().addPart("file", CHECKOUT_SOURCE,
                        MediaType.of("text/markdown"), CHECKOUT_OUTAGE_EDITED.getBytes(StandardCharsets.UTF_8)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA), new EveryItemRefused());
        probe("GET /api/postmortems/{id}", null, t -> get("/api/postmortems/" + t.payCheckout), payPostmortem);
        probe("PATCH /api/postmortems/{id}", MediaType.APPLICATION_JSON, t -> HttpRequest.PATCH(
                "/api/postmortems/" + t.payCheckout, Map.of("title", "Renamed by web")), payPostmortem);
        probe("POST /api/postmortems/{id}/actions", MediaType.APPLICATION_JSON, t -> HttpRequest.POST(
                "/api/postmortems/" + t.payCheckout + "/actions", Map.of("text", "Load-test the pricing service",
                        "kind", "preventative")), payPostmortem);
        probe("GET /api/postmortems/{id}/labels", null, t -> get("/api/postmortems/" + t.payCheckout + "/labels"),
                payPostmortem);
        probe("GET /api/postmortems/{id}/similar", null, t -> get("/api/postmortems/" + t.payCheckout + "/similar"),
                payPostmortem);
        probe("GET /api/reports/recurring-causes", null, t -> get("/api/reports/recurring-causes?team=pay"),
                forbidden);

        probe("GET /api/reports/overdue", null, t -> get("/api/reports/overdue"), new ListWithoutPay(payActions));
        probe("GET /api/reports/overdue", null, t -> get("/api/reports/overdue?team=pay"), forbidden);
        // a report of another team, or of every team asked by name: refused; without team it is web's own review
        probe("GET /api/reports/weekly", null, t -> get("/api/reports/weekly?team=pay"), forbidden);

        probe("GET /api/teams", null, t -> get("/api/teams"), new ListWithoutPay(t -> List.of()));
        probe("POST /api/teams", MediaType.APPLICATION_JSON, t -> HttpRequest.POST("/api/teams",
                Map.of("key", "pay-shadow", "name", "Shadow", "services", List.of("ledger"))), forbidden);
        probe("GET /api/teams/{key}", null, t -> get("/api/teams/pay"), payTeam);
        probe("PATCH /api/teams/{key}", MediaType.APPLICATION_JSON, t -> HttpRequest.PATCH("/api/teams/pay",
                Map.of("services", List.of("checkout", "billing", "storefront"))), forbidden);
        probe("GET /api/teams/{key}/actions", null, t -> get("/api/teams/pay/actions"), payTeam);
        probe("GET /api/teams/{key}/digest/preview", null, t -> get("/api/teams/pay/digest/preview?week=2026-W49"),
                payTeam);
        probe("POST /api/teams/{key}/digest/send", null, t -> HttpRequest.POST(
                "/api/teams/pay/digest/send?week=2026-W49", ""), forbidden);

        probe("GET /api/tokens", null, t -> get("/api/tokens"), forbidden);
        probe("POST /api/tokens", MediaType.APPLICATION_JSON, t -> HttpRequest.POST("/api/tokens",
                Map.of("name", "web-escalation", "role", "editor", "team", "pay")), forbidden);
        probe("DELETE /api/tokens/{id}", null, t -> HttpRequest.DELETE("/api/tokens/" + t.payEditorId), forbidden);
    }

    @Inject
    JsonMapper json;

    @TestFactory
    Stream<DynamicTest> everyOperationKeepsAnotherTeamsTokenOut() {
        TwoTeams teams = TwoTeams.setUp(client);
        Map<String, Set<String>> served = servedOperations();
        List<String> unknown = new ArrayList<>();
        served.forEach((operation, contentTypes) -> {
            List<Probe> probes = PROBES.getOrDefault(operation, List.of());
            if (probes.isEmpty()) {
                unknown.add(operation);
            }
            contentTypes.stream().filter(type -> probes.stream().noneMatch(p -> type.equals(p.contentType())))
                    .forEach(type -> unknown.add(operation + " (" + type + ")"));
        });
        assertEquals(List.of(), unknown, "operations the table does not know how to call: add a probe for each to "
                + "PROBES, after deciding what a token of another team gets there (docs/api.md, Team scope)");
        assertEquals(served.keySet(), PROBES.keySet(), "probes of operations no longer served");
        assertTrue(teams.payActions().stream().allMatch(id -> id > 127) && teams.payCheckout > 127,
                "ids past the boxed-Long cache");

        Map<String, List<Map<String, Object>>> before = payData(teams);
        Stream<DynamicTest> probes = PROBES.entrySet().stream().flatMap(entry -> entry.getValue().stream()
                .flatMap(probe -> Stream.of(teams.webEditor, teams.webReader).map(token -> DynamicTest.dynamicTest(
                        entry.getKey() + " " + (probe.contentType() == null ? "" : probe.contentType() + " ")
                                + (token.equals(teams.webEditor) ? "web editor" : "web reader"),
                        () -> check(entry.getKey(), probe, teams, token)))));
        Stream<DynamicTest> afterwards = Stream.of(DynamicTest.dynamicTest("pay's data is unchanged", () -> {
            assertEquals(before, payData(teams));
            assertTrue(jira.issues().isEmpty(), "no ticket was created in Jira");
        }));
        return Stream.concat(probes, afterwards);
    }

    @Test
    void metricsCountEveryTeamSoAScopedTokenIsRefused() {
        TwoTeams teams = TwoTeams.setUp(client);

        assertEquals(HttpStatus.OK, client.exchange(HttpRequest.GET("/prometheus").bearerAuth(ADMIN), String.class)
                .getStatus());
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/prometheus").bearerAuth(teams.webReader), String.class));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
    }

    private void check(String operation, Probe probe, TwoTeams teams, String token) {
        Expect expect = probe.expect();
        if (expect instanceof ListWithoutPay list) {
            Collection<Long> payIds = list.payIds().apply(teams);
            String asAdmin = body(probe.request().apply(teams).bearerAuth(ADMIN));
            assertTrue(asAdmin.contains("\"key\":\"pay\"") || !payItems(asAdmin, payIds, teams).isEmpty(),
                    "the admin's answer shows pay's items, so a leak would show: " + asAdmin);
            String asWeb = body(probe.request().apply(teams).bearerAuth(token));
            assertEquals(List.of(), payItems(asWeb, payIds, teams), asWeb);
            assertFalse(asWeb.contains("\"pay\"") || asWeb.contains("confluence/PAY"), asWeb);
            return;
        }
        Answer answer = call(probe.request().apply(teams).bearerAuth(token));
        if (token.equals(teams.webReader) && !operation.startsWith("GET ") && !(expect instanceof SignedOnly)) {
            // a reader is refused every change by its role before anything else
            assertEquals(HttpStatus.FORBIDDEN, answer.status(), answer.body());
        } else if (expect instanceof NotFound notFound) {
            assertEquals(HttpStatus.NOT_FOUND, answer.status(), answer.body());
            assertTrue(answer.body().contains(notFound.detail()), answer.body());
        } else if (expect instanceof Forbidden) {
            assertEquals(HttpStatus.FORBIDDEN, answer.status(), answer.body());
        } else if (expect instanceof EveryItemRefused) {
            assertEquals(HttpStatus.OK, answer.status(), answer.body());
            Map<String, Object> result = read(answer.body());
            assertEquals(list(result.get("items")).size(), ((Number) result.get("failed")).intValue(), answer.body());
            list(result.get("items")).forEach(item -> assertTrue(String.valueOf(item.get("error"))
                    .matches("(source|text|service): .*"), answer.body()));
        } else if (expect instanceof SignedOnly) {
            assertEquals(HttpStatus.UNAUTHORIZED, answer.status(), answer.body());
        }
    }

    /** "METHOD /path" → the request content types the served document lists for each operation. */
    private Map<String, Set<String>> servedOperations() {
        Map<String, Object> spec = new Yaml().load(client.retrieve(HttpRequest.GET(SPEC)));
        Map<String, Map<String, Map<String, Object>>> paths = castPaths(spec.get("paths"));
        Map<String, Set<String>> operations = new TreeMap<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (!Set.of("get", "put", "post", "patch", "delete", "head", "options").contains(method)) {
                return; // path-level parameters or summaries, not operations
            }
            Set<String> types = new TreeSet<>();
            if (operation.get("requestBody") instanceof Map<?, ?> requestBody
                    && requestBody.get("content") instanceof Map<?, ?> content) {
                content.keySet().forEach(type -> types.add(String.valueOf(type)));
            }
            operations.put(method.toUpperCase(Locale.ROOT) + " " + path, types);
        }));
        return operations;
    }

    /** Pay's rows, as stored, in every table a refused call could have written to. */
    private Map<String, List<Map<String, Object>>> payData(TwoTeams teams) {
        List<Long> postmortems = List.of(teams.payCheckout, teams.payBilling);
        return transactions.executeRead(status -> Map.of(
                "postmortem", dsl.selectFrom(POSTMORTEM).where(POSTMORTEM.ID.in(postmortems)).orderBy(POSTMORTEM.ID)
                        .fetchMaps(),
                "action_item", dsl.selectFrom(ACTION_ITEM).where(ACTION_ITEM.POSTMORTEM_ID.in(postmortems))
                        .orderBy(ACTION_ITEM.ID).fetchMaps(),
                "action_event", dsl.selectFrom(ACTION_EVENT).where(ACTION_EVENT.ACTION_ID.in(teams.payActions()))
                        .orderBy(ACTION_EVENT.ID).fetchMaps(),
                "jira_ticket", dsl.selectFrom(JIRA_TICKET).where(JIRA_TICKET.ACTION_ID.in(teams.payActions()))
                        .orderBy(JIRA_TICKET.ACTION_ID).fetchMaps(),
                "team", dsl.selectFrom(TEAM).orderBy(TEAM.ID).fetchMaps(),
                "team_service", dsl.selectFrom(TEAM_SERVICE).orderBy(TEAM_SERVICE.SERVICE_NAME).fetchMaps(),
                "api_token", dsl.select(API_TOKEN.ID, API_TOKEN.NAME, API_TOKEN.TEAM_ID).from(API_TOKEN)
                        .orderBy(API_TOKEN.ID).fetchMaps()));
    }

    /** The items of a page that are pay's: by their id (ids of the list's kind) or their postmortem. */
    private List<Map<String, Object>> payItems(String page, Collection<Long> payIds, TwoTeams teams) {
        return list(read(page).get("items")).stream().filter(item -> isOneOf(item.get("id"), payIds)
                || isOneOf(item.get("postmortem_id"), List.of(teams.payCheckout, teams.payBilling))).toList();
    }

    private static boolean isOneOf(Object id, Collection<Long> ids) {
        return id instanceof Number number && ids.contains(number.longValue());
    }

    private String body(MutableHttpRequest<?> request) {
        Answer answer = call(request);
        assertEquals(HttpStatus.OK, answer.status(), answer.body());
        return answer.body();
    }

    private Answer call(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.exchange(request, String.class);
            return new Answer(response.getStatus(), response.getBody(String.class).orElse(""));
        } catch (HttpClientResponseException e) {
            return new Answer(e.getStatus(), e.getResponse().getBody(String.class).orElse(""));
        }
    }

    private Map<String, Object> read(String body) {
        try {
            return json.readValue(body, JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void probe(String operation, String contentType, Function<TwoTeams, MutableHttpRequest<?>> request,
                              Expect expect) {
        PROBES.computeIfAbsent(operation, key -> new ArrayList<>()).add(new Probe(contentType, request, expect));
    }

    private static MutableHttpRequest<?> get(String uri) {
        return HttpRequest.GET(uri);
    }

    private static long payAction(TwoTeams teams) {
        return teams.checkoutActions.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Map<String, Object>>> castPaths(Object paths) {
        return (Map<String, Map<String, Map<String, Object>>>) paths;
    }
}
