package dev.closeout.web;

import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document the server serves is one a client can rely on: it parses without a message, every operation
 * has a meaningful id, a domain tag and a summary, every error is the problem+json Problem, and each operation says
 * how it is authenticated (a bearer token; the Jira webhook its HMAC signature header). Which statuses each
 * operation lists is checked against what the tests see by DocumentedStatusesExtension.
 */
class OpenApiDocumentTest extends ApiTestBase {

    private static final String DOCUMENT = "/swagger/closeout-0.1.yml";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String WEBHOOK = "POST /api/integrations/jira/webhook";

    private OpenAPI document;
    /** "METHOD /path" → the operation. */
    private final Map<String, Operation> operations = new TreeMap<>();

    @BeforeAll
    void readTheServedDocument() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(client.retrieve(HttpRequest.GET(DOCUMENT)),
                null, options);
        assertEquals(List.of(), parsed.getMessages() == null ? List.of() : parsed.getMessages(),
                "swagger-parser's messages about the served document");
        document = parsed.getOpenAPI();
        assertNotNull(document, "the document parsed");
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.put(method + " " + path, operation)));
    }

    @Test
    void describesEveryApiOperationWithAUniqueMeaningfulId() {
        assertTrue(operations.size() >= 30, "the operations: " + operations.keySet());
        Map<String, List<String>> byId = operations.entrySet().stream().collect(Collectors.groupingBy(
                entry -> String.valueOf(entry.getValue().getOperationId()), TreeMap::new,
                Collectors.mapping(Map.Entry::getKey, Collectors.toList())));

        assertEquals(Map.of(), filter(byId, operationsWithId -> operationsWithId.size() > 1), "ids given twice");
        assertEquals(List.of(), byId.keySet().stream().filter(id -> id.equals("null") || id.matches(".*_\\d+$")
                || !id.matches("[a-z][A-Za-z]+")).toList(), "ids that are missing, numbered or not camelCase");
        assertEquals("importPostmortem", operations.get("POST /api/postmortems").getOperationId());
        assertEquals("listActions", operations.get("GET /api/actions").getOperationId());
    }

    @Test
    void tagsEachOperationWithItsDomainAndSummarisesIt() {
        Set<String> declared = document.getTags().stream().map(tag -> tag.getName()).collect(Collectors.toSet());

        assertEquals(Set.of("postmortems", "actions", "teams", "reports", "jira", "tokens", "notifications"),
                declared);
        assertEquals(Map.of(), filter(operations, operation -> operation.getTags() == null
                || operation.getTags().size() != 1 || !declared.contains(operation.getTags().get(0))),
                "operations without exactly one declared tag (none under 'default')");
        assertEquals(Map.of(), filter(operations, operation -> operation.getSummary() == null
                || operation.getSummary().isBlank()), "operations without a summary");
        assertEquals(List.of("tokens"), operations.get("DELETE /api/tokens/{id}").getTags());
    }

    @Test
    void answersEveryErrorAsTheOneProblemSchema() {
        List<String> notProblems = new ArrayList<>();
        operations.forEach((name, operation) -> operation.getResponses().forEach((status, response) -> {
            if (Integer.parseInt(status) < 400) {
                return;
            }
            Map<String, MediaType> content = response.getContent();
            if (content == null || !content.keySet().equals(Set.of(Problem.CONTENT_TYPE))
                    || !PROBLEM.equals(content.get(Problem.CONTENT_TYPE).getSchema().get$ref())) {
                notProblems.add(name + " " + status);
            }
        }));

        assertEquals(List.of(), notProblems, "error responses that are not application/problem+json Problem");
        assertTrue(document.getComponents().getSchemas().get("Problem").getProperties().keySet()
                .containsAll(Set.of("type", "title", "status", "detail", "instance")));
        assertEquals(Map.of(), filter(operations, operation -> !operation.getResponses().containsKey("401")),
                "operations that do not say how they refuse a caller who is not authenticated");
    }

    @Test
    void saysHowEachOperationIsAuthenticated() {
        Map<String, SecurityScheme> schemes = document.getComponents().getSecuritySchemes();
        SecurityScheme signature = schemes.get("jiraWebhookSignature");

        assertEquals(SecurityScheme.Type.HTTP, schemes.get("bearerAuth").getType());
        assertEquals("bearer", schemes.get("bearerAuth").getScheme());
        assertEquals(List.of(new SecurityRequirement().addList("bearerAuth")), document.getSecurity(),
                "a bearer token for every operation unless it says otherwise");
        assertEquals(SecurityScheme.Type.APIKEY, signature.getType());
        assertEquals(SecurityScheme.In.HEADER, signature.getIn());
        assertEquals("X-Hub-Signature", signature.getName());
        assertEquals(List.of(new SecurityRequirement().addList("jiraWebhookSignature")),
                operations.get(WEBHOOK).getSecurity(), "the webhook is signed, and takes no bearer token");
        assertEquals(List.of(WEBHOOK), operations.entrySet().stream().filter(entry -> entry.getValue().getSecurity()
                != null).map(Map.Entry::getKey).toList(), "operations that override the bearer token");
    }

    private static <T> Map<String, T> filter(Map<String, T> map, Function<T, Boolean> keep) {
        return map.entrySet().stream().filter(entry -> keep.apply(entry.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}
