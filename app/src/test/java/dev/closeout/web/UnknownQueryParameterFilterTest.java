package dev.closeout.web;

import dev.closeout.support.ApiTestBase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A query parameter an {@code /api} route does not take is refused with 400 naming it and the ones the route
 * takes, instead of being ignored: {@code ?statuss=done} must not answer every follow-up as if filtered.
 */
class UnknownQueryParameterFilterTest extends ApiTestBase {

    private static final String SPEC = "UnknownQueryParameterFilterTest";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("spec.name", SPEC);
        return properties;
    }

    /** Tests only: a route binding a query parameter without @QueryValue, as Micronaut allows on a GET. */
    @Controller("/api/test-only/unannotated")
    @Requires(property = "spec.name", value = SPEC)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Hidden
    static class UnannotatedController {

        @Get
        Map<String, String> echo(@Nullable String week, HttpRequest<?> request) {
            return Map.of("week", String.valueOf(week));
        }
    }

    @Test
    void aTypoInAFilterIs400NamingItAndListingTheAcceptedOnes() {
        importMarkdown(null, "# Outage\n\n## Action items\n- Add an alert on the error rate\n");

        Map<String, Object> problem = refused(HttpRequest.GET("/api/actions?statuss=done").bearerAuth(ADMIN));

        assertEquals(List.of("statuss"), problem.get("unknown_parameters"));
        List<?> accepted = (List<?>) problem.get("accepted_parameters");
        // the list's filters come from the @RequestBean ActionListParams, format from the method itself
        assertTrue(accepted.containsAll(List.of("status", "team", "owner", "due_before", "sort", "limit", "cursor",
                "format")), accepted::toString);
        String detail = (String) problem.get("detail");
        assertTrue(detail.startsWith("statuss: unknown query parameter; GET /api/actions takes only status, "), detail);
        assertEquals("/api/actions", problem.get("instance"));
    }

    @Test
    void everyUnknownParameterIsNamedAtOnce() {
        Map<String, Object> problem = refused(HttpRequest.GET("/api/actions?status=open&ownr=amira&limt=5")
                .bearerAuth(ADMIN));

        assertEquals(List.of("ownr", "limt"), problem.get("unknown_parameters"));
        assertTrue(((String) problem.get("detail")).startsWith("ownr, limt: unknown query parameters; "));
    }

    @Test
    void aValidQueryOfSeveralAndRepeatedParametersStillAnswers() {
        importMarkdown(null, "# Outage\n\n## Action items\n- Add an alert on the error rate\n- Write a runbook\n");

        HttpResponse<Map<String, Object>> answer = exchange(HttpRequest.GET(
                "/api/actions?status=open&status=in_progress&sort=due&limit=1&format=json").bearerAuth(ADMIN));

        assertEquals(HttpStatus.OK, answer.getStatus());
        assertEquals(1, list(answer.body().get("items")).size());
        assertTrue(answer.body().get("next") != null, "a second page: the limit was applied");
    }

    @Test
    void aRouteWithoutQueryParametersRefusesAnyAndSaysItTakesNone() {
        Map<String, Object> postmortem = importMarkdown(null, "# Outage\n\n## Action items\n- Write a runbook\n");
        long action = id(list(postmortem.get("actions")).get(0));
        assertEquals(HttpStatus.OK, exchange(HttpRequest.GET("/api/actions/" + action).bearerAuth(ADMIN)).getStatus());

        Map<String, Object> problem = refused(HttpRequest.GET("/api/actions/" + action + "?verbose=true")
                .bearerAuth(ADMIN));

        assertEquals(List.of("verbose"), problem.get("unknown_parameters"));
        assertEquals(List.of(), problem.get("accepted_parameters"));
        assertEquals("verbose: unknown query parameter; GET /api/actions/{id} takes no query parameters",
                problem.get("detail"));
    }

    @Test
    void aPathVariableIsNoQueryParameter() {
        Map<String, Object> problem = refused(HttpRequest.GET("/api/teams/web/actions?key=web").bearerAuth(ADMIN));

        assertEquals(List.of("key"), problem.get("unknown_parameters"));
        assertTrue(((List<?>) problem.get("accepted_parameters")).contains("status"));
    }

    @Test
    void aRequestBeanOfTheOverdueReportTakesItsOwnParametersOnly() {
        HttpResponse<Map<String, Object>> answer = exchange(HttpRequest.GET(
                "/api/reports/overdue?as_of=2026-03-02&kind=corrective&limit=5").bearerAuth(ADMIN));
        assertEquals(HttpStatus.OK, answer.getStatus());

        Map<String, Object> problem = refused(HttpRequest.GET("/api/reports/overdue?asof=2026-03-02")
                .bearerAuth(ADMIN));

        assertEquals(List.of("asof"), problem.get("unknown_parameters"));
        assertTrue(((List<?>) problem.get("accepted_parameters")).containsAll(List.of("as_of", "owner", "format")));
    }

    @Test
    void aParameterHasOneSpellingNotMicronautsHyphenatedFallback() {
        Map<String, Object> problem = refused(HttpRequest.GET("/api/actions?due-before=2026-03-02")
                .bearerAuth(ADMIN));

        assertEquals(List.of("due-before"), problem.get("unknown_parameters"));
    }

    @Test
    void theCsvAndMarkdownAnswersOfARouteAreCheckedAlike() {
        Map<String, Object> csv = refused(HttpRequest.GET("/api/actions?statuss=done")
                .accept(MediaType.of("text/csv")).bearerAuth(ADMIN));
        assertEquals(List.of("statuss"), csv.get("unknown_parameters"));

        Map<String, Object> markdown = refused(HttpRequest.GET("/api/reports/weekly?format=markdown&weeek=2026-W10")
                .bearerAuth(ADMIN));
        assertEquals(List.of("weeek"), markdown.get("unknown_parameters"));
        assertTrue(((List<?>) markdown.get("accepted_parameters")).containsAll(List.of("week", "team", "format")));
    }

    @Test
    void aRefusedPostStoresNothing() {
        refused(HttpRequest.POST("/api/teams?dry_run=true", Map.of("key", "web", "name", "Web platform"))
                .bearerAuth(ADMIN));
        Map<String, Object> problem = refused(HttpRequest.POST("/api/postmortems?sorce=outage.md",
                "# Outage\n\n## Action items\n- Write a runbook\n").contentType(MediaType.of("text/markdown"))
                .bearerAuth(ADMIN));

        assertEquals(List.of("source"), problem.get("accepted_parameters"));
        assertEquals(0, count(TEAM));
        assertEquals(0, count(POSTMORTEM));
    }

    @Test
    void theSameParameterIsAcceptedWhereTheMatchedRouteTakesIt() {
        // POST /api/postmortems as Markdown takes ?source=; as JSON the source is a field of the body
        Map<String, Object> markdown = importMarkdown("outage.md", "# Outage\n\n## Action items\n- Write a runbook\n");
        assertEquals("outage.md", markdown.get("source"));

        Map<String, Object> problem = refused(HttpRequest.POST("/api/postmortems?source=other.md",
                Map.of("source", "other.md", "text", "# Other outage\n")).bearerAuth(ADMIN));

        assertEquals(List.of(), problem.get("accepted_parameters"));
        assertEquals(1, count(POSTMORTEM));
    }

    @Test
    void aRequestWithoutATokenGets401AndNoParameterNames() {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/actions?statuss=done"), String.class));

        assertEquals(HttpStatus.UNAUTHORIZED, error.getStatus());
        String body = error.getResponse().getBody(String.class).orElse("");
        assertFalse(body.contains("statuss") || body.contains("accepted") || body.contains("due_before"), body);
    }

    @Test
    void aRoleTheRouteRefusesGets403BeforeTheParameterCheck() {
        String reader = token("dashboard", "reader");

        assertProblem(HttpStatus.FORBIDDEN, "POST /api/teams", () -> client.exchange(
                HttpRequest.POST("/api/teams?dry_run=true", Map.of("key", "web", "name", "Web")).bearerAuth(reader),
                String.class));
    }

    @Test
    void aPathNoRouteTakesIsStill404() {
        assertProblem(HttpStatus.NOT_FOUND, "", () -> client.exchange(
                HttpRequest.GET("/api/no-such-route?statuss=done").bearerAuth(ADMIN), String.class));
    }

    @Test
    void aParameterBoundWithoutAnnotationIsAccepted() {
        Map<String, Object> echo = getJson("/api/test-only/unannotated?week=2026-W10");
        assertEquals("2026-W10", echo.get("week"));

        Map<String, Object> problem = refused(HttpRequest.GET("/api/test-only/unannotated?request=x")
                .bearerAuth(ADMIN));
        assertEquals(List.of("week"), problem.get("accepted_parameters"), "the request argument is no parameter");
    }

    @Test
    void pagesAndHealthOutsideTheApiAreUntouched() {
        HttpResponse<String> login = client.exchange(HttpRequest.GET("/login?nonsense=1")
                .accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertEquals(HttpStatus.OK, login.getStatus());
        assertTrue(login.body().contains("<form"), login.body());

        HttpResponse<String> health = client.exchange(HttpRequest.GET("/health?nonsense=1"), String.class);
        assertEquals(HttpStatus.OK, health.getStatus());
    }

    /** Sends {@code request}, which must be refused as an unknown parameter, and answers the problem. */
    private Map<String, Object> refused(MutableHttpRequest<?> request) {
        Executable call = () -> client.exchange(request, JSON_OBJECT);
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class, call);
        assertEquals(HttpStatus.BAD_REQUEST, error.getStatus(), () -> error.getResponse().getBody(String.class)
                .orElse(""));
        assertEquals(Problem.CONTENT_TYPE, error.getResponse().getHeaders().get(HttpHeaders.CONTENT_TYPE));
        Map<String, Object> problem = error.getResponse().getBody(JSON_OBJECT).orElseThrow();
        assertEquals(400, problem.get("status"));
        return problem;
    }

    private int count(Table<?> table) {
        return transactions.executeRead(status -> dsl.fetchCount(table));
    }

    private Map<String, Object> importMarkdown(@Nullable String source, String markdown) {
        String query = source == null ? "" : "?source=" + source;
        return client.retrieve(HttpRequest.POST("/api/postmortems" + query, markdown)
                .contentType(MediaType.of("text/markdown")).bearerAuth(ADMIN), JSON_OBJECT);
    }
}
