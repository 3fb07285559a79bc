package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Create (single and bulk), get, edit and assign. */
final class IssueResource {
    static final int BULK_LIMIT = 50;

    private final FakeStore store;

    IssueResource(FakeStore store) {
        this.store = store;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "23", "issue/bulk", "createIssues", this::createBulk),
                Route.of("POST", "23", "issue", "createIssue", this::create),
                Route.of("GET", "23", "issue/{}", "getIssue", this::get),
                Route.of("PUT", "23", "issue/{}", "editIssue", this::edit),
                Route.of("PUT", "23", "issue/{}/assignee", "assignIssue", this::assign));
    }

    private Response create(Request r) {
        return Response.created(createdIssue(store.create(r.json(), r.api, FakeStore.BOT), r.api));
    }

    /** Not transactional: each element succeeds or fails alone; 201 if any succeeded, 400 if none did. */
    private Response createBulk(Request r) {
        JsonNode updates = r.json().path("issueUpdates");
        if (updates.size() > BULK_LIMIT) {
            throw JiraError.message(400, "Bulk create is limited to " + BULK_LIMIT + " issues per request; "
                    + updates.size() + " were sent.");
        }
        ObjectNode result = Json.MAPPER.createObjectNode();
        ArrayNode issues = result.putArray("issues");
        ArrayNode errors = result.putArray("errors");
        for (int i = 0; i < updates.size(); i++) {
            try {
                issues.add(createdIssue(store.create(updates.get(i), r.api, FakeStore.BOT), r.api));
            } catch (JiraError e) {
                ObjectNode error = errors.addObject();
                error.put("status", e.status);
                error.put("failedElementNumber", i);
                error.set("elementErrors", e.body);
            }
        }
        return new Response(issues.isEmpty() ? 400 : 201, result);
    }

    private ObjectNode createdIssue(FakeIssue issue, Api api) {
        return Json.MAPPER.createObjectNode().put("id", issue.id()).put("key", issue.key())
                .put("self", store.json().self(api, "issue/" + issue.id()));
    }

    private Response get(Request r) {
        FakeIssue issue = store.require(r.param(0));
        var fields = IssueJson.selectFields(r.queryList("fields"), List.of("*all"));
        return Response.ok(store.json().issue(issue, r.api, fields, r.queryList("properties")));
    }

    private Response edit(Request r) {
        FakeIssue issue = store.require(r.param(0));
        JsonNode body = r.json();
        store.edit(issue, body.get("fields"), body.get("update"), r.api, FakeStore.BOT);
        if ("true".equals(r.query("returnIssue"))) {
            return Response.ok(store.json().issue(issue, r.api, IssueJson.selectFields(List.of(), List.of("*all")), List.of()));
        }
        return Response.noContent();
    }

    private Response assign(Request r) {
        FakeIssue issue = store.require(r.param(0));
        store.assign(issue, FieldEditor.assigneeRef(r.json(), r.api), r.api, FakeStore.BOT);
        return Response.noContent();
    }
}
