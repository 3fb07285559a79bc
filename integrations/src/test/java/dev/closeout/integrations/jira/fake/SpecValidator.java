package dev.closeout.integrations.jira.fake;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import io.swagger.v3.oas.models.PathItem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.methodIs;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.pathContainsRegexp;

/**
 * Checks every request the fake receives against Atlassian's Jira Cloud platform OpenAPI spec (2025-12 copy), so a
 * client that sends something real Jira would reject fails its tests here. Data Center paths are checked against the
 * same spec with {@code /rest/api/2} read as {@code /rest/api/3}: DC's v2 resources have the same shapes, DC
 * descriptions are strings where the spec allows any value in {@code fields}, and DC's {@code /rest/api/2/search} is
 * checked against {@code /rest/api/3/search}, which this copy still describes (deprecated), so the 2024 copy is
 * not needed. No security messages arise: operations require either {@code basicAuth}, a scheme the spec never
 * defines, or OAuth2, which the validator does not check; the fake checks credentials itself.
 */
final class SpecValidator {
    static final String SPEC = "/jira/jira-platform-v3.openapi.2025-12.json";

    private SpecValidator() {}

    /** Building the validator parses a 2.4 MB spec; do it once per JVM, on first use. */
    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
                .createForInlineApiSpecification(read(SPEC))
                .withWhitelist(ValidationErrorsWhitelist.create()
                        // The spec's own text for assignIssue says {"accountId": null} (DC: {"name": null}) unassigns,
                        // but its User schema types those properties as non-nullable strings.
                        .withRule("assignIssue: null unassigns, per the operation's description", allOf(
                                messageHasKey("validation.request.body.schema.type"),
                                methodIs(PathItem.HttpMethod.PUT),
                                pathContainsRegexp("/rest/api/3/issue/[^/]+/assignee$"),
                                messageContainsRegexp("\\[Path '/(accountId|name)'\\] Instance type \\(null\\)"))))
                .build();
    }

    /** Builds the validator now (seconds, once per JVM) so a client's first request does not pay for it. */
    static void warmUp() {
        Objects.requireNonNull(Holder.VALIDATOR);
    }

    /** Error messages for a request; empty when it conforms. */
    static List<String> validate(String method, String path, Map<String, List<String>> query,
                                 Map<String, List<String>> headers, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path.replaceFirst("^/rest/api/2/", "/rest/api/3/"));
        query.forEach(request::withQueryParam);
        headers.forEach(request::withHeader);
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        ValidationReport report = Holder.VALIDATOR.validateRequest(request.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()
                        + (m.getNestedMessages().isEmpty() ? "" : " " + m.getNestedMessages().stream().map(ValidationReport.Message::getMessage).toList()))
                .toList();
    }

    private static String read(String resource) {
        try (InputStream in = SpecValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
