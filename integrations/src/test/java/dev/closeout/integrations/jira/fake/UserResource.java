package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** User search (email to accountId on Cloud, username on DC) and assignable-user search. */
final class UserResource {
    private final FakeStore store;

    UserResource(FakeStore store) {
        this.store = store;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "23", "user/search", "findUsers", this::findUsers),
                Route.of("GET", "23", "user/assignable/search", "findAssignableUsers", this::findAssignable),
                Route.of("GET", "23", "myself", "getCurrentUser", r -> Response.ok(store.json().user(FakeStore.BOT, r.api, true))));
    }

    private Response findUsers(Request r) {
        Stream<FakeUser> users = store.users().stream();
        if (r.api == Api.CLOUD) {
            String query = r.query("query");
            String accountId = r.query("accountId");
            if (query == null && accountId == null && r.query("property") == null) {
                throw JiraError.message(400, "The query parameter 'query', 'accountId' or 'property' is required.");
            }
            users = users.filter(FakeUser::active)
                    .filter(u -> accountId == null || u.accountId().equals(accountId))
                    .filter(u -> query == null || matches(u, query));
        } else {
            String username = r.query("username");
            if (username == null) {
                throw JiraError.message(400, "The username query parameter was not provided");
            }
            boolean includeInactive = "true".equals(r.query("includeInactive"));
            users = users.filter(u -> includeInactive || u.active()).filter(u -> matchesDc(u, username));
        }
        return page(r, users);
    }

    private Response findAssignable(Request r) {
        String projectKey = r.query("project");
        FakeProject project = projectKey != null ? store.findProject(projectKey).orElse(null)
                : r.query("issueKey") != null ? store.require(r.query("issueKey")).project : null;
        if (project == null) {
            throw JiraError.message(400, "The project or issue key was not found.");
        }
        String query = r.api == Api.CLOUD ? r.query("query") : r.query("username");
        return page(r, store.users().stream().filter(project::canAssign)
                .filter(u -> query == null || query.isEmpty() || (r.api == Api.CLOUD ? matches(u, query) : matchesDc(u, query))));
    }

    /** Prefix match on display name (any word) and email; a hidden email matches only the exact address. */
    private static boolean matches(FakeUser u, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        String email = u.email().toLowerCase(Locale.ROOT);
        boolean emailMatch = u.emailHidden() ? email.equals(q) : email.startsWith(q);
        return emailMatch || nameMatches(u, q);
    }

    private static boolean matchesDc(FakeUser u, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        return u.username().toLowerCase(Locale.ROOT).startsWith(q) || u.email().toLowerCase(Locale.ROOT).startsWith(q)
                || nameMatches(u, q);
    }

    private static boolean nameMatches(FakeUser u, String lowerQuery) {
        String name = u.displayName().toLowerCase(Locale.ROOT);
        return name.startsWith(lowerQuery) || Stream.of(name.split("\\s+")).anyMatch(w -> w.startsWith(lowerQuery));
    }

    private Response page(Request r, Stream<FakeUser> users) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        users.skip(r.queryInt("startAt", 0)).limit(r.queryInt("maxResults", 50))
                .forEach(u -> out.add(store.json().user(u, r.api, true)));
        return Response.ok(out);
    }
}
