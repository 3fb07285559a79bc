package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Renders store objects in Jira's JSON shapes (IssueBean, StatusDetails, User, ...) for v3 or v2. */
final class IssueJson {
    static final List<String> ALL_FIELDS = List.of("summary", "description", "labels", "priority", "duedate", "assignee",
            "components", "status", "resolution", "resolutiondate", "updated", "created", "project", "issuetype");

    /** Internal marker in a field selection: every custom field the issue has. */
    private static final String ALL_CUSTOM_FIELDS = "customfield_*";

    private final FakeStore store;

    IssueJson(FakeStore store) {
        this.store = store;
    }

    String timestamp(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(store.siteZone()).format(instant);
    }

    /**
     * The fields Jira would return for a {@code fields} parameter: names, {@code *all}/{@code *navigable}, {@code -name}
     * exclusions. {@code defaults} applies when the parameter is absent.
     */
    static Set<String> selectFields(Collection<String> requested, List<String> defaults) {
        Collection<String> asked = requested == null || requested.isEmpty() ? defaults : requested;
        Set<String> out = new LinkedHashSet<>();
        for (String f : asked) {
            if (f.equals("*all") || f.equals("*navigable")) {
                out.addAll(ALL_FIELDS);
                out.add(ALL_CUSTOM_FIELDS);
            } else if (!f.startsWith("-") && !f.isBlank()) {
                out.add(f);
            }
        }
        asked.stream().filter(f -> f.startsWith("-")).forEach(f -> out.remove(f.substring(1)));
        return out;
    }

    ObjectNode issue(FakeIssue issue, Api api, Set<String> fields, Collection<String> propertyKeys) {
        ObjectNode bean = Json.MAPPER.createObjectNode();
        boolean onlyId = fields.stream().allMatch(f -> f.equals("id"));
        if (!onlyId) {
            bean.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
        }
        bean.put("id", issue.id());
        if (!onlyId) {
            bean.put("self", self(api, "issue/" + issue.id()));
            bean.put("key", issue.key());
            ObjectNode f = bean.putObject("fields");
            for (String name : fields) {
                putField(f, name, issue, api);
            }
        }
        if (propertyKeys != null && !propertyKeys.isEmpty()) {
            ObjectNode props = bean.putObject("properties");
            issue.properties.forEach((k, v) -> {
                if (propertyKeys.contains(k) || propertyKeys.contains("*all")) {
                    props.set(k, v);
                }
            });
        }
        return bean;
    }

    private void putField(ObjectNode f, String name, FakeIssue issue, Api api) {
        switch (name) {
            case "summary" -> f.put("summary", issue.summary);
            case "description" -> {
                if (api.adf) {
                    f.set("description", Adf.toAdf(issue.description));
                } else {
                    f.put("description", Adf.toWiki(issue.description));
                }
            }
            case "labels" -> issue.labels.forEach(f.putArray("labels")::add);
            case "priority" -> f.set("priority", issue.priority == null ? null : named(api, "priority", issue.priority));
            case "duedate" -> f.put("duedate", issue.dueDate == null ? null : issue.dueDate.toString());
            case "assignee" -> f.set("assignee", issue.assigneeAccountId == null ? null
                    : user(store.userById(issue.assigneeAccountId).orElseThrow(), api, true));
            case "components" -> {
                ArrayNode a = f.putArray("components");
                issue.components.forEach(c -> a.add(named(api, "component", c)));
            }
            case "status" -> f.set("status", status(issue.status, api));
            case "resolution" -> f.set("resolution", issue.resolution == null ? null : resolution(issue.resolution, api));
            case "resolutiondate" -> f.put("resolutiondate", issue.resolution == null ? null : timestamp(issue.resolvedAt));
            case "updated" -> f.put("updated", timestamp(issue.updated()));
            case "created" -> f.put("created", timestamp(issue.created()));
            case "project" -> f.set("project", project(issue.project, api));
            case "issuetype" -> f.set("issuetype", named(api, "issuetype", issue.issueType).put("subtask", false).put("hierarchyLevel", 0));
            case ALL_CUSTOM_FIELDS -> issue.customFields.forEach(f::set);
            default -> {
                if (issue.customFields.containsKey(name)) {
                    f.set(name, issue.customFields.get(name));
                }
            }
        }
    }

    String self(Api api, String path) {
        return store.baseUrl() + api.prefix() + "/" + path;
    }

    private ObjectNode named(Api api, String kind, FakeProject.Named n) {
        return Json.MAPPER.createObjectNode().put("self", self(api, kind + "/" + n.id())).put("id", n.id()).put("name", n.name());
    }

    ObjectNode project(FakeProject p, Api api) {
        return Json.MAPPER.createObjectNode().put("self", self(api, "project/" + p.id())).put("id", p.id())
                .put("key", p.key()).put("name", p.name()).put("projectTypeKey", "software").put("simplified", false);
    }

    ObjectNode status(Workflow.Status s, Api api) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("self", self(api, "status/" + s.id()))
                .put("description", "").put("iconUrl", store.baseUrl() + "/").put("name", s.name()).put("id", s.id());
        node.set("statusCategory", statusCategory(s, api));
        return node;
    }

    ObjectNode statusCategory(Workflow.Status s, Api api) {
        return Json.MAPPER.createObjectNode().put("self", self(api, "statuscategory/" + s.categoryId()))
                .put("id", s.categoryId()).put("key", s.categoryKey()).put("colorName", s.colorName()).put("name", s.categoryName());
    }

    ObjectNode resolution(Workflow.Resolution r, Api api) {
        return Json.MAPPER.createObjectNode().put("self", self(api, "resolution/" + r.id()))
                .put("id", r.id()).put("description", r.description()).put("name", r.name());
    }

    /** Cloud users are accountIds and may hide their email; DC users are usernames. */
    ObjectNode user(FakeUser u, Api api, boolean withAvatars) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (api.adf) {
            node.put("self", self(api, "user?accountId=" + URLEncoder.encode(u.accountId(), StandardCharsets.UTF_8)));
            node.put("accountId", u.accountId());
            node.put("accountType", "atlassian");
        } else {
            node.put("self", self(api, "user?username=" + u.username()));
            node.put("name", u.username());
            node.put("key", u.username());
        }
        if (!u.emailHidden() || !api.accountIds) {
            node.put("emailAddress", u.email());
        }
        if (withAvatars) {
            ObjectNode avatars = node.putObject("avatarUrls");
            for (String size : List.of("48x48", "24x24", "16x16", "32x32")) {
                avatars.put(size, store.baseUrl() + "/avatar/" + size + ".png");
            }
        }
        node.put("displayName", u.displayName());
        node.put("active", u.active());
        node.put("timeZone", store.siteZone().getId());
        return node;
    }
}
