package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/** Project, create-screen metadata and status categories: what a client reads to configure itself. */
final class MetaResource {
    private static final Set<String> ALWAYS_REQUIRED = Set.of("project", "issuetype", "summary");

    private final FakeStore store;

    MetaResource(FakeStore store) {
        this.store = store;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "23", "project/{}", "getProject", this::project),
                Route.of("GET", "23", "issue/createmeta/{}/issuetypes", "getCreateIssueMetaIssueTypes", this::issueTypes),
                Route.of("GET", "23", "issue/createmeta/{}/issuetypes/{}", "getCreateIssueMetaIssueTypeId", this::createFields),
                Route.of("GET", "23", "statuscategory", "getStatusCategories", this::statusCategories));
    }

    private FakeProject requireProject(String idOrKey) {
        return store.findProject(idOrKey).orElseThrow(() ->
                JiraError.message(404, "No project could be found with key '" + idOrKey + "'."));
    }

    private Response project(Request r) {
        FakeProject p = requireProject(r.param(0));
        ObjectNode body = store.json().project(p, r.api).put("style", "classic");
        ArrayNode types = body.putArray("issueTypes");
        p.issueTypeList().forEach(t -> types.add(issueType(r.api, t)));
        ArrayNode components = body.putArray("components");
        p.componentList().forEach(c -> components.addObject()
                .put("self", store.json().self(r.api, "component/" + c.id())).put("id", c.id()).put("name", c.name()));
        return Response.ok(body);
    }

    private ObjectNode issueType(Api api, FakeProject.Named t) {
        return Json.MAPPER.createObjectNode().put("self", store.json().self(api, "issuetype/" + t.id()))
                .put("id", t.id()).put("name", t.name()).put("description", "").put("iconUrl", store.baseUrl() + "/icons/" + t.id())
                .put("subtask", false).put("hierarchyLevel", 0);
    }

    private Response issueTypes(Request r) {
        FakeProject p = requireProject(r.param(0));
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode types = body.putArray("issueTypes");
        p.issueTypeList().forEach(t -> types.add(issueType(r.api, t)));
        return Response.ok(body.put("maxResults", 50).put("startAt", 0).put("total", types.size()));
    }

    /** The fields on the project's create screen, with allowed values for priority and components. */
    private Response createFields(Request r) {
        FakeProject p = requireProject(r.param(0));
        if (p.issueType(r.param(1)).filter(t -> t.id().equals(r.param(1))).isEmpty()) {
            throw JiraError.message(404, "Issue type with id '" + r.param(1) + "' does not exist for project " + p.key() + ".");
        }
        ArrayNode fields = Json.MAPPER.createArrayNode();
        for (String id : p.createScreenFields().stream().sorted().toList()) {
            ObjectNode f = fields.addObject().put("required", ALWAYS_REQUIRED.contains(id));
            f.set("schema", schema(id));
            f.put("name", displayName(id)).put("key", id).put("fieldId", id).put("hasDefaultValue", id.equals("priority"));
            f.putArray("operations").add("set");
            if (id.equals("priority")) {
                ArrayNode allowed = f.putArray("allowedValues");
                p.priorityList().forEach(pr -> allowed.addObject().put("self", store.json().self(r.api, "priority/" + pr.id()))
                        .put("iconUrl", store.baseUrl() + "/icons/priority/" + pr.id()).put("name", pr.name()).put("id", pr.id()));
            } else if (id.equals("components")) {
                ArrayNode allowed = f.putArray("allowedValues");
                p.componentList().forEach(c -> allowed.addObject().put("self", store.json().self(r.api, "component/" + c.id()))
                        .put("id", c.id()).put("name", c.name()));
            }
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("maxResults", 50).put("startAt", 0).put("total", fields.size());
        body.set("fields", fields);
        return Response.ok(body);
    }

    private static ObjectNode schema(String fieldId) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        if (fieldId.startsWith("customfield_")) {
            return s.put("type", "string").put("custom", "com.atlassian.jira.plugin.system.customfieldtypes:textfield")
                    .put("customId", Long.parseLong(fieldId.substring("customfield_".length())));
        }
        switch (fieldId) {
            case "labels" -> s.put("type", "array").put("items", "string");
            case "components" -> s.put("type", "array").put("items", "component");
            case "duedate" -> s.put("type", "date");
            case "assignee" -> s.put("type", "user");
            case "summary", "description" -> s.put("type", "string");
            default -> s.put("type", fieldId);
        }
        return s.put("system", fieldId);
    }

    private static String displayName(String fieldId) {
        return switch (fieldId) {
            case "issuetype" -> "Issue Type";
            case "duedate" -> "Due date";
            default -> fieldId.startsWith("customfield_") ? "Custom field " + fieldId.substring(12)
                    : Character.toUpperCase(fieldId.charAt(0)) + fieldId.substring(1);
        };
    }

    private Response statusCategories(Request r) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        out.addObject().put("self", store.json().self(r.api, "statuscategory/1")).put("id", 1).put("key", "undefined")
                .put("colorName", "medium-gray").put("name", "No Category");
        Workflow.STATUSES.forEach(s -> out.add(store.json().statusCategory(s, r.api)));
        return Response.ok(out);
    }
}
