package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** What hangs off an issue: transitions, entity properties, remote links. */
final class IssueDetailsResource {
    static final int PROPERTY_VALUE_LIMIT = 32_768;

    private final FakeStore store;

    IssueDetailsResource(FakeStore store) {
        this.store = store;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "23", "issue/{}/transitions", "getTransitions", this::transitions),
                Route.of("POST", "23", "issue/{}/transitions", "doTransition", this::doTransition),
                Route.of("GET", "23", "issue/{}/properties", "getIssuePropertyKeys", this::propertyKeys),
                Route.of("PUT", "23", "issue/{}/properties/{}", "setIssueProperty", this::setProperty),
                Route.of("GET", "23", "issue/{}/properties/{}", "getIssueProperty", this::getProperty),
                Route.of("DELETE", "23", "issue/{}/properties/{}", "deleteIssueProperty", this::deleteProperty),
                Route.of("POST", "23", "issue/{}/remotelink", "createOrUpdateRemoteIssueLink", this::upsertRemoteLink),
                Route.of("GET", "23", "issue/{}/remotelink", "getRemoteIssueLinks", this::remoteLinks),
                Route.of("DELETE", "23", "issue/{}/remotelink", "deleteRemoteIssueLinkByGlobalId", this::deleteRemoteLink),
                Route.of("POST", "23", "issueLink", "linkIssues", this::linkIssues));
    }

    /** Only transitions out of the current status; {@code expand=transitions.fields} adds each transition's screen. */
    private Response transitions(Request r) {
        FakeIssue issue = store.require(r.param(0));
        boolean withFields = r.queryList("expand").contains("transitions.fields");
        String only = r.query("transitionId");
        ObjectNode body = Json.MAPPER.createObjectNode().put("expand", "transitions");
        ArrayNode list = body.putArray("transitions");
        for (Workflow.Transition t : Workflow.from(issue.status)) {
            if (only != null && !only.equals(t.id())) {
                continue;
            }
            ObjectNode node = list.addObject().put("id", t.id()).put("name", t.name());
            node.set("to", store.json().status(t.to(), r.api));
            node.put("hasScreen", t.hasResolutionScreen()).put("isGlobal", true).put("isInitial", false)
                    .put("isAvailable", true).put("isConditional", false).put("isLooped", false);
            if (withFields) {
                ObjectNode fields = node.putObject("fields");
                if (t.hasResolutionScreen()) {
                    fields.set("resolution", resolutionField(r.api));
                }
            }
        }
        return Response.ok(body);
    }

    private ObjectNode resolutionField(Api api) {
        ObjectNode f = Json.MAPPER.createObjectNode().put("required", false);
        f.putObject("schema").put("type", "resolution").put("system", "resolution");
        f.put("name", "Resolution").put("key", "resolution").put("hasDefaultValue", false);
        f.putArray("operations").add("set");
        ArrayNode allowed = f.putArray("allowedValues");
        Workflow.RESOLUTIONS.forEach(res -> allowed.add(store.json().resolution(res, api)));
        return f;
    }

    private Response doTransition(Request r) {
        FakeIssue issue = store.require(r.param(0));
        JsonNode body = r.json();
        String id = body.path("transition").path("id").asText(null);
        if (id == null) {
            throw JiraError.message(400, "Missing 'transition' identifier");
        }
        JsonNode resolution = body.path("fields").path("resolution");
        String resolutionRef = resolution.isMissingNode() ? null : resolution.path("name").asText(resolution.path("id").asText(null));
        store.transition(issue, id, resolutionRef, FakeStore.BOT);
        return Response.noContent();
    }

    private Response propertyKeys(Request r) {
        FakeIssue issue = store.require(r.param(0));
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode keys = body.putArray("keys");
        issue.properties.keySet().forEach(k -> keys.addObject()
                .put("self", store.json().self(r.api, "issue/" + issue.id() + "/properties/" + k)).put("key", k));
        return Response.ok(body);
    }

    private Response setProperty(Request r) {
        FakeIssue issue = store.require(r.param(0));
        String key = r.param(1);
        if (key.length() > 255) {
            throw JiraError.message(400, "The property key can't be longer than 255 characters.");
        }
        if (r.body == null || r.body.isBlank() || r.body.length() > PROPERTY_VALUE_LIMIT) {
            throw JiraError.message(400, "The property value must be a valid, non-empty JSON value of at most "
                    + PROPERTY_VALUE_LIMIT + " characters.");
        }
        boolean created = store.setProperty(issue, key, r.json());
        return new Response(created ? 201 : 200, null);
    }

    private Response getProperty(Request r) {
        FakeIssue issue = store.require(r.param(0));
        JsonNode value = issue.properties.get(r.param(1));
        if (value == null) {
            throw JiraError.message(404, "The property with key '" + r.param(1) + "' does not exist.");
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("key", r.param(1));
        body.set("value", value);
        return Response.ok(body);
    }

    private Response deleteProperty(Request r) {
        FakeIssue issue = store.require(r.param(0));
        if (!store.deleteProperty(issue, r.param(1))) {
            throw JiraError.message(404, "The property with key '" + r.param(1) + "' does not exist.");
        }
        return Response.noContent();
    }

    private Response upsertRemoteLink(Request r) {
        FakeIssue issue = store.require(r.param(0));
        JsonNode body = r.json();
        for (String required : List.of("url", "title")) {
            if (!body.path("object").path(required).isTextual() || body.path("object").path(required).asText().isBlank()) {
                throw JiraError.fields(400, Map.of(required, "'" + required + "' is required."));
            }
        }
        var result = store.upsertRemoteLink(issue, body);
        ObjectNode answer = Json.MAPPER.createObjectNode().put("id", result.getKey().id())
                .put("self", remoteLinkSelf(r.api, issue, result.getKey()));
        return new Response(result.getValue() ? 201 : 200, answer);
    }

    /**
     * Links two issues by a link type's name (or id); 201 with no body, also when the link exists already
     * (Jira answers so, and keeps one link). Issues by id or key; a missing one is 404.
     */
    private Response linkIssues(Request r) {
        JsonNode body = r.json();
        String type = body.path("type").path("name").asText(body.path("type").path("id").asText(""));
        String name = LINK_TYPES.stream().filter(t -> t.equalsIgnoreCase(type)).findFirst().orElseThrow(() ->
                JiraError.message(404, "No issue link type with name '" + type + "' found."));
        FakeIssue outward = store.require(linked(body.path("outwardIssue")));
        FakeIssue inward = store.require(linked(body.path("inwardIssue")));
        store.link(name, outward, inward);
        return new Response(201, null);
    }

    /** Jira's default link types. */
    static final List<String> LINK_TYPES = List.of("Blocks", "Cloners", "Duplicate", "Relates");

    private static String linked(JsonNode issue) {
        return issue.path("id").asText(issue.path("key").asText(""));
    }

    /** The filtered call returns the one link as an object (the spec's schema), the unfiltered one an array. */
    private Response remoteLinks(Request r) {
        FakeIssue issue = store.require(r.param(0));
        String globalId = r.query("globalId");
        if (globalId != null) {
            RemoteLink link = issue.remoteLinks.stream().filter(l -> globalId.equals(l.globalId())).findFirst()
                    .orElseThrow(() -> JiraError.message(404, "No remote link with the given globalId exists for this issue."));
            return Response.ok(remoteLink(r.api, issue, link));
        }
        ArrayNode all = Json.MAPPER.createArrayNode();
        issue.remoteLinks.forEach(l -> all.add(remoteLink(r.api, issue, l)));
        return Response.ok(all);
    }

    private Response deleteRemoteLink(Request r) {
        FakeIssue issue = store.require(r.param(0));
        String globalId = r.query("globalId");
        if (globalId == null) {
            throw JiraError.message(400, "The globalId parameter is required.");
        }
        if (!store.deleteRemoteLink(issue, globalId)) {
            throw JiraError.message(404, "No remote link with the given globalId exists for this issue.");
        }
        return Response.noContent();
    }

    /** Omitted request fields come back null: an upsert replaces the whole link. */
    private ObjectNode remoteLink(Api api, FakeIssue issue, RemoteLink link) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("id", link.id()).put("self", remoteLinkSelf(api, issue, link));
        node.put("globalId", link.globalId());
        node.set("application", link.request().has("application") ? link.request().get("application") : Json.MAPPER.createObjectNode());
        node.put("relationship", link.relationship());
        node.set("object", link.request().get("object"));
        return node;
    }

    private String remoteLinkSelf(Api api, FakeIssue issue, RemoteLink link) {
        return store.json().self(api, "issue/" + issue.id() + "/remotelink/" + link.id());
    }
}
