package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * JQL search: Cloud's enhanced {@code /search/jql} with token paging, the removed Cloud {@code /search} (410), and
 * Data Center's {@code /search} with startAt/total.
 */
final class SearchResource {
    /** Jira shrinks pages when more than id/key is requested, whatever maxResults says. */
    static final int PAGE_CAP_WITH_FIELDS = 100;
    static final int PAGE_CAP_IDS_ONLY = 5000;
    static final int DC_PAGE_CAP = 1000;
    static final String REMOVED = "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. "
            + "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";

    private final FakeStore store;

    SearchResource(FakeStore store) {
        this.store = store;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "3", "search/jql", "searchAndReconsileIssuesUsingJql", r -> enhanced(r, queryParams(r))),
                Route.of("POST", "3", "search/jql", "searchAndReconsileIssuesUsingJqlPost", r -> enhanced(r, bodyParams(r))),
                Route.of("GET", "3", "search", "searchForIssuesUsingJql", r -> { throw JiraError.message(410, REMOVED); }),
                Route.of("POST", "3", "search", "searchForIssuesUsingJqlPost", r -> { throw JiraError.message(410, REMOVED); }),
                Route.of("GET", "2", "search", "searchForIssuesUsingJql", r -> dataCenter(r, queryParams(r))),
                Route.of("POST", "2", "search", "searchForIssuesUsingJqlPost", r -> dataCenter(r, bodyParams(r))));
    }

    private record Params(String jql, String nextPageToken, Integer startAt, Integer maxResults, List<String> fields,
                          List<String> properties, Set<String> reconcileIssues) {}

    private static Params queryParams(Request r) {
        return new Params(r.query("jql"), r.query("nextPageToken"),
                r.query("startAt") == null ? null : r.queryInt("startAt", 0),
                r.query("maxResults") == null ? null : r.queryInt("maxResults", 50),
                r.queryList("fields"), r.queryList("properties"), new HashSet<>(r.queryList("reconcileIssues")));
    }

    private static Params bodyParams(Request r) {
        JsonNode b = r.json();
        return new Params(b.path("jql").asText(null), b.path("nextPageToken").asText(null),
                b.has("startAt") ? b.get("startAt").asInt() : null, b.has("maxResults") ? b.get("maxResults").asInt() : null,
                Request.strings(b.get("fields")), Request.strings(b.get("properties")),
                new HashSet<>(Request.strings(b.get("reconcileIssues"))));
    }

    private List<FakeIssue> run(Params p, boolean requireBounded) {
        Jql.Query query;
        try {
            query = Jql.parse(p.jql(), Instant.now(), store.siteZone(), k -> store.findProject(k).isPresent());
        } catch (Jql.JqlException e) {
            throw JiraError.message(400, e.getMessage());
        }
        if (requireBounded && !query.bounded()) {
            throw JiraError.message(400,
                    "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        }
        return store.searchable(p.reconcileIssues()).stream().filter(query.filter()).sorted(query.order()).toList();
    }

    /** Token paging: {@code nextPageToken} is omitted, not null, on the last page; there is no total. */
    private Response enhanced(Request r, Params p) {
        List<FakeIssue> matches = run(p, true);
        Set<String> fields = IssueJson.selectFields(p.fields(), List.of("id"));
        int cap = fields.stream().allMatch(f -> f.equals("id") || f.equals("key")) ? PAGE_CAP_IDS_ONLY : PAGE_CAP_WITH_FIELDS;
        int pageSize = Math.max(1, Math.min(p.maxResults() == null ? 50 : p.maxResults(), cap));
        int offset = p.nextPageToken() == null ? 0 : decodeToken(p.nextPageToken());
        int end = Math.min(offset + pageSize, matches.size());
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode issues = body.putArray("issues");
        matches.subList(Math.min(offset, end), end).forEach(i -> issues.add(store.json().issue(i, r.api, fields, p.properties())));
        boolean last = end >= matches.size();
        if (!last) {
            body.put("nextPageToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)));
        }
        body.put("isLast", last);
        return Response.ok(body);
    }

    private static int decodeToken(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("offset:")) {
                return Integer.parseInt(decoded.substring("offset:".length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below
        }
        throw JiraError.message(400, "The provided next page token is invalid or expired.");
    }

    /** Data Center: offset paging with a total; the server caps maxResults and reports the cap it used. */
    private Response dataCenter(Request r, Params p) {
        List<FakeIssue> matches = run(p, false);
        Set<String> fields = IssueJson.selectFields(p.fields(), List.of("*navigable"));
        int startAt = p.startAt() == null ? 0 : Math.max(0, p.startAt());
        int maxResults = Math.min(p.maxResults() == null ? 50 : p.maxResults(), DC_PAGE_CAP);
        ObjectNode body = Json.MAPPER.createObjectNode().put("expand", "schema,names")
                .put("startAt", startAt).put("maxResults", maxResults).put("total", matches.size());
        ArrayNode issues = body.putArray("issues");
        matches.stream().skip(startAt).limit(maxResults)
                .forEach(i -> issues.add(store.json().issue(i, r.api, fields, p.properties())));
        return Response.ok(body);
    }
}
