package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The fake's state: projects, users, issues, queued webhooks. Every method that touches state is synchronized on the
 * store, so concurrent HTTP requests see Jira-like atomic writes.
 */
final class FakeStore {
    static final FakeUser BOT = new FakeUser("712020:closeout-bot-0000", "Closeout Bot", FakeJira.EMAIL);
    /** The human who edits tickets in Jira's UI in the {@code person...} scenarios. */
    static final FakeUser PERSON = new FakeUser("557058:jira-person-0000", "Jira Person", "person@example.com");

    private final String baseUrl;
    private final IssueJson json = new IssueJson(this);
    private final Map<String, FakeProject> projects = new LinkedHashMap<>();
    private final Map<String, FakeUser> users = new LinkedHashMap<>();
    private final Map<String, FakeIssue> issues = new LinkedHashMap<>();
    private final Map<String, Integer> issueNumbers = new HashMap<>();
    private final List<WebhookDelivery> webhooks = new ArrayList<>();
    /** Asia/Shanghai is +08:00 all year: a non-UTC offset clients must honour, and a real zone id for users' timeZone. */
    private volatile ZoneId siteZone = ZoneId.of("Asia/Shanghai");
    private volatile Duration searchLag = Duration.ZERO;
    private int searchLagInSearches;
    private long nextIssueId = 10000;
    private int nextRemoteLinkId = 10000;
    private long nextChangelogId = 100000;
    private Instant lastTick = Instant.EPOCH;

    FakeStore(String baseUrl) {
        this.baseUrl = baseUrl;
        users.put(BOT.accountId(), BOT);
        project("OPS");
    }

    String baseUrl() { return baseUrl; }
    IssueJson json() { return json; }
    ZoneId siteZone() { return siteZone; }
    void siteZone(ZoneId zone) { siteZone = zone; }
    Duration searchLag() { return searchLag; }
    void searchLag(Duration lag) { searchLag = lag; }
    synchronized void searchLagInSearches(int searches) { searchLagInSearches = searches; }

    /** Strictly increasing millisecond timestamps, so successive writes never share an {@code updated}. */
    synchronized Instant tick() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        lastTick = now.isAfter(lastTick) ? now : lastTick.plusMillis(1);
        return lastTick;
    }

    synchronized FakeProject project(String key) {
        return projects.computeIfAbsent(key, k -> new FakeProject(String.valueOf(10000 + projects.size()), k));
    }

    synchronized Optional<FakeProject> findProject(String idOrKey) {
        return projects.values().stream()
                .filter(p -> p.id().equals(idOrKey) || p.key().equalsIgnoreCase(idOrKey)).findFirst();
    }

    synchronized FakeUser addUser(String accountId, String displayName, String email) {
        FakeUser user = new FakeUser(accountId, displayName, email);
        users.put(accountId, user);
        return user;
    }

    synchronized List<FakeUser> users() { return List.copyOf(users.values()); }

    synchronized Optional<FakeUser> userById(String accountId) {
        if (PERSON.accountId().equals(accountId)) {
            return Optional.of(PERSON);
        }
        return Optional.ofNullable(users.get(accountId));
    }

    /** The user named by an accountId (Cloud) or username (DC) if it may be assigned in {@code project}. */
    synchronized FakeUser resolveAssignable(FakeProject project, String ref, Api api) {
        return users.values().stream()
                .filter(u -> api.accountIds ? u.accountId().equals(ref) : u.username().equals(ref))
                .filter(project::canAssign)
                .findFirst().orElse(null);
    }

    synchronized List<FakeIssue> issues() { return List.copyOf(issues.values()); }

    /** By id, by current key (case-insensitive) or by a key the issue had before a move. */
    synchronized Optional<FakeIssue> issue(String idOrKey) {
        FakeIssue byId = issues.get(idOrKey);
        if (byId != null) {
            return Optional.of(byId);
        }
        return issues.values().stream().filter(i -> i.key().equalsIgnoreCase(idOrKey)).findFirst()
                .or(() -> issues.values().stream()
                        .filter(i -> i.previousKeys.stream().anyMatch(k -> k.equalsIgnoreCase(idOrKey))).findFirst());
    }

    synchronized FakeIssue require(String idOrKey) {
        return issue(idOrKey).orElseThrow(JiraError::notFound);
    }

    /** For the test-facing {@code person...} methods: a plain exception rather than an HTTP error body. */
    private FakeIssue requireForTest(String idOrKey) {
        return issue(idOrKey).orElseThrow(() -> new IllegalArgumentException("no issue " + idOrKey + " in the fake Jira"));
    }

    /** Creates from an IssueUpdateDetails body, or throws the 400 Jira would answer. */
    synchronized FakeIssue create(JsonNode body, Api api, FakeUser actor) {
        JsonNode fields = body.path("fields");
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode projectRef = fields.path("project");
        FakeProject project = findProject(projectRef.path("id").asText(projectRef.path("key").asText(""))).orElse(null);
        if (project == null) {
            errors.put("project", "Specify a valid project ID or key");
            throw JiraError.fields(400, errors);
        }
        JsonNode typeRef = fields.path("issuetype");
        Optional<FakeProject.Named> type = project.issueType(typeRef.path("id").asText(typeRef.path("name").asText("")));
        if (type.isEmpty()) {
            errors.put("issuetype", typeRef.isMissingNode() ? "Specify an issue type" : "The issue type selected is invalid.");
        }
        FieldEditor editor = FieldEditor.parse(this, project, fields, body.get("update"), api, true);
        errors.putAll(editor.errors());
        if (!fields.has("summary") && !errors.containsKey("summary")) {
            errors.put("summary", "You must specify a summary of the issue.");
        }
        JsonNode properties = body.path("properties");
        for (JsonNode p : properties) {
            if (!p.path("key").isTextual() || p.path("key").asText().isEmpty() || p.path("key").asText().length() > 255) {
                errors.put("properties", "The property key must be between 1 and 255 characters long.");
            }
        }
        if (!errors.isEmpty()) {
            throw JiraError.fields(400, errors);
        }
        FakeIssue issue = new FakeIssue(String.valueOf(nextIssueId++), tick());
        issue.project = project;
        issue.key = nextKey(project);
        issue.issueType = type.orElseThrow();
        editor.applyTo(issue);
        properties.forEach(p -> issue.properties.put(p.get("key").asText(), p.get("value")));
        issue.unseenBySearches = searchLagInSearches;
        issues.put(issue.id(), issue);
        queueWebhook("jira:issue_created", "issue_created", issue, actor, null);
        return issue;
    }

    private String nextKey(FakeProject project) {
        return project.key() + "-" + issueNumbers.merge(project.key(), 1, Integer::sum);
    }

    synchronized void edit(FakeIssue issue, JsonNode fields, JsonNode update, Api api, FakeUser actor) {
        FieldEditor editor = FieldEditor.parse(this, issue.project, fields, update, api, false);
        if (!editor.errors().isEmpty()) {
            throw JiraError.fields(400, editor.errors());
        }
        change(issue, actor, "issue_updated", editor::applyTo);
    }

    synchronized void assign(FakeIssue issue, String ref, Api api, FakeUser actor) {
        FakeUser user = ref == null || ref.equals("-1") ? null : resolveAssignable(issue.project, ref, api);
        if (ref != null && !ref.equals("-1") && user == null) {
            throw JiraError.fields(400, Map.of("assignee", "User '" + ref + "' cannot be assigned issues."));
        }
        change(issue, actor, "issue_assigned", i -> i.assigneeAccountId = user == null ? null : user.accountId());
    }

    /** Runs a transition valid from the issue's current status; {@code resolutionName} only on the Done screen. */
    synchronized void transition(FakeIssue issue, String transitionId, String resolutionName, FakeUser actor) {
        Workflow.Transition t = Workflow.transition(issue.status, transitionId).orElseThrow(() ->
                JiraError.message(400, "Transition id '" + transitionId + "' is not valid for this issue."));
        if (resolutionName != null && !t.hasResolutionScreen()) {
            throw JiraError.fields(400, Map.of("resolution",
                    "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown."));
        }
        Workflow.Resolution resolution = null;
        if (t.to().equals(Workflow.DONE)) {
            resolution = Workflow.resolution(resolutionName == null ? "Done" : resolutionName).orElseThrow(() ->
                    JiraError.fields(400, Map.of("resolution", "Resolution '" + resolutionName + "' is not valid.")));
        }
        Workflow.Resolution chosen = resolution;
        change(issue, actor, t.to().equals(Workflow.DONE) ? "issue_resolved" : "issue_generic", i -> {
            i.status = t.to();
            i.resolution = chosen;
            i.resolvedAt = chosen == null ? null : lastTick;
        });
    }

    /** A person moves the ticket in Jira's UI to a status of {@code categoryKey}, as the workflow allows. */
    synchronized void personTransitions(String key, String categoryKey, String resolution) {
        FakeIssue issue = requireForTest(key);
        Workflow.Status to = Workflow.byCategory(categoryKey);
        if (issue.status.equals(to)) {
            throw new IllegalStateException(key + " is already in " + to.name() + "; the workflow has no loop transitions");
        }
        String id = Workflow.TRANSITIONS.stream().filter(t -> t.to().equals(to)).findFirst().orElseThrow().id();
        transition(issue, id, to.equals(Workflow.DONE) ? resolution : null, PERSON);
    }

    synchronized void personSetsDue(String key, LocalDate due) {
        change(requireForTest(key), PERSON, "issue_updated", i -> i.dueDate = due);
    }

    synchronized void personAssigns(String key, String accountId) {
        FakeIssue issue = requireForTest(key);
        if (accountId != null && resolveAssignable(issue.project, accountId, Api.CLOUD) == null) {
            throw new IllegalArgumentException(accountId + " is not an assignable user of " + issue.project());
        }
        assign(issue, accountId, Api.CLOUD, PERSON);
    }

    synchronized void delete(String key) {
        FakeIssue issue = requireForTest(key);
        issues.remove(issue.id());
        queueWebhook("jira:issue_deleted", "issue_deleted", issue, PERSON, null);
    }

    /** Moves to another project: new key, same id; the old key keeps resolving. */
    synchronized void move(String key, String newProjectKey) {
        FakeIssue issue = requireForTest(key);
        FakeProject target = project(newProjectKey);
        String oldKey = issue.key;
        FakeProject oldProject = issue.project;
        issue.previousKeys.add(oldKey);
        issue.project = target;
        issue.key = nextKey(target);
        issue.issueType = target.issueType(issue.issueType.name()).orElse(target.issueTypeList().get(0));
        issue.updated = tick();
        ArrayNode items = Json.MAPPER.createArrayNode();
        items.add(item("project", "project", oldProject.id(), oldProject.name(), target.id(), target.name()));
        items.add(item("Key", "issuekey", null, oldKey, null, issue.key));
        queueWebhook("jira:issue_updated", "issue_moved", issue, PERSON, items);
    }

    /** Returns true when the property is new (Jira answers 201), false when replaced (200). */
    synchronized boolean setProperty(FakeIssue issue, String key, JsonNode value) {
        boolean created = !issue.properties.containsKey(key);
        issue.properties.put(key, value);
        issue.updated = tick();
        return created;
    }

    synchronized boolean deleteProperty(FakeIssue issue, String key) {
        boolean removed = issue.properties.remove(key) != null;
        if (removed) {
            issue.updated = tick();
        }
        return removed;
    }

    /** Upsert by globalId: replaces the whole link (omitted fields become null); returns the link and whether it is new. */
    synchronized Map.Entry<RemoteLink, Boolean> upsertRemoteLink(FakeIssue issue, JsonNode request) {
        String globalId = request.path("globalId").isTextual() ? request.get("globalId").asText() : null;
        Optional<RemoteLink> existing = globalId == null ? Optional.empty()
                : issue.remoteLinks.stream().filter(l -> globalId.equals(l.globalId())).findFirst();
        RemoteLink link = new RemoteLink(existing.map(RemoteLink::id).orElseGet(() -> nextRemoteLinkId++), globalId,
                request.path("object").path("url").asText(null), request.path("object").path("title").asText(null),
                request.path("relationship").asText(null), request.deepCopy());
        existing.ifPresentOrElse(old -> issue.remoteLinks.set(issue.remoteLinks.indexOf(old), link), () -> issue.remoteLinks.add(link));
        issue.updated = tick();
        return Map.entry(link, existing.isEmpty());
    }

    /** Adds the link to both issues, unless they have it; bumps {@code updated} as Jira does. */
    synchronized void link(String type, FakeIssue outward, FakeIssue inward) {
        IssueLink link = new IssueLink(type, outward.id(), inward.id());
        if (outward.issueLinks.contains(link)) {
            return;
        }
        outward.issueLinks.add(link);
        inward.issueLinks.add(link);
        outward.updated = tick();
        inward.updated = tick();
    }

    synchronized boolean deleteRemoteLink(FakeIssue issue, String globalId) {
        boolean removed = issue.remoteLinks.removeIf(l -> Objects.equals(globalId, l.globalId()));
        if (removed) {
            issue.updated = tick();
        }
        return removed;
    }

    synchronized List<WebhookDelivery> pendingWebhooks() {
        return List.copyOf(webhooks);
    }

    synchronized List<WebhookDelivery> drainWebhooks() {
        List<WebhookDelivery> out = List.copyOf(webhooks);
        webhooks.clear();
        return out;
    }

    /** Applies a change, bumps {@code updated}, and queues an issue_updated webhook carrying the changelog. */
    private void change(FakeIssue issue, FakeUser actor, String eventType, java.util.function.Consumer<FakeIssue> mutation) {
        Snapshot before = Snapshot.of(issue);
        mutation.accept(issue);
        issue.updated = tick();
        queueWebhook("jira:issue_updated", eventType, issue, actor, before.changes(Snapshot.of(issue), this));
    }

    private void queueWebhook(String event, String eventType, FakeIssue issue, FakeUser actor, ArrayNode changelogItems) {
        long timestamp = lastTick.toEpochMilli();
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("timestamp", timestamp);
        payload.put("webhookEvent", event);
        payload.put("issue_event_type_name", eventType);
        payload.set("user", json.user(actor, Api.CLOUD_WEBHOOK, true));
        ObjectNode issueNode = json.issue(issue, Api.CLOUD_WEBHOOK, IssueJson.selectFields(List.of("*all"), List.of()), null);
        issueNode.remove("expand");
        payload.set("issue", issueNode);
        if (changelogItems != null) {
            ObjectNode changelog = payload.putObject("changelog");
            changelog.put("id", String.valueOf(nextChangelogId++));
            changelog.set("items", changelogItems);
        }
        try {
            webhooks.add(new WebhookDelivery(UUID.randomUUID().toString(), event, timestamp, Json.MAPPER.writeValueAsBytes(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode item(String field, String fieldId, String from, String fromString, String to, String toString) {
        ObjectNode item = Json.MAPPER.createObjectNode();
        item.put("field", field).put("fieldtype", "jira").put("fieldId", fieldId);
        item.put("from", from).put("fromString", fromString).put("to", to).put("toString", toString);
        return item;
    }

    /** The webhook-visible fields of an issue, to compute changelog items. */
    private record Snapshot(String summary, Workflow.Status status, Workflow.Resolution resolution, String assignee,
                            LocalDate due, List<String> labels, FakeProject.Named priority) {
        static Snapshot of(FakeIssue i) {
            return new Snapshot(i.summary, i.status, i.resolution, i.assigneeAccountId, i.dueDate, i.labels, i.priority);
        }

        ArrayNode changes(Snapshot after, FakeStore store) {
            ArrayNode items = Json.MAPPER.createArrayNode();
            if (!Objects.equals(resolution, after.resolution)) {
                items.add(item("resolution", "resolution", resolution == null ? null : resolution.id(),
                        resolution == null ? null : resolution.name(), after.resolution == null ? null : after.resolution.id(),
                        after.resolution == null ? null : after.resolution.name()));
            }
            if (!status.equals(after.status)) {
                items.add(item("status", "status", status.id(), status.name(), after.status.id(), after.status.name()));
            }
            if (!Objects.equals(assignee, after.assignee)) {
                items.add(item("assignee", "assignee", assignee, displayName(store, assignee),
                        after.assignee, displayName(store, after.assignee)));
            }
            if (!Objects.equals(due, after.due)) {
                items.add(item("duedate", "duedate", Objects.toString(due, null), Objects.toString(due, null),
                        Objects.toString(after.due, null), Objects.toString(after.due, null)));
            }
            if (!Objects.equals(labels, after.labels)) {
                items.add(item("labels", "labels", null, String.join(" ", labels), null, String.join(" ", after.labels)));
            }
            if (!Objects.equals(summary, after.summary)) {
                items.add(item("summary", "summary", null, summary, null, after.summary));
            }
            if (!Objects.equals(priority, after.priority)) {
                items.add(item("priority", "priority", priority == null ? null : priority.id(), priority == null ? null : priority.name(),
                        after.priority == null ? null : after.priority.id(), after.priority == null ? null : after.priority.name()));
            }
            return items;
        }

        private static String displayName(FakeStore store, String accountId) {
            return accountId == null ? null : store.userById(accountId).map(FakeUser::displayName).orElse(null);
        }
    }

    /** Issues visible to search: hides ones written within the lag unless the caller asked to reconcile them. */
    synchronized List<FakeIssue> searchable(Set<String> reconcileIds) {
        Instant horizon = Instant.now().minus(searchLag);
        List<FakeIssue> seen = issues.values().stream()
                .filter(i -> searchLag.isZero() || i.updated().isBefore(horizon) || reconcileIds.contains(i.id()))
                .filter(i -> i.unseenBySearches == 0 || reconcileIds.contains(i.id()))
                .toList();
        issues.values().stream().filter(i -> i.unseenBySearches > 0).forEach(i -> i.unseenBySearches--);
        return seen;
    }
}
