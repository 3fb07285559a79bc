package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One issue in the fake's store. Public getters are for test assertions; changes go through the store,
 * which holds the lock and bumps {@code updated}.
 */
public final class FakeIssue {
    private final String id;
    private final Instant created;
    final List<String> previousKeys = new ArrayList<>();
    String key;
    FakeProject project;
    FakeProject.Named issueType;
    String summary;
    /** ADF object when written through v3, a wiki-markup text node when written through v2. */
    JsonNode description;
    List<String> labels = List.of();
    FakeProject.Named priority;
    LocalDate dueDate;
    String assigneeAccountId;
    List<FakeProject.Named> components = List.of();
    Workflow.Status status = Workflow.TO_DO;
    Workflow.Resolution resolution;
    Instant resolvedAt;
    Instant updated;
    /** How many more searches do not see this issue yet ({@link FakeJira#searchLagInSearches}). */
    int unseenBySearches;
    final Map<String, JsonNode> customFields = new LinkedHashMap<>();
    final Map<String, JsonNode> properties = new LinkedHashMap<>();
    final List<RemoteLink> remoteLinks = new ArrayList<>();
    final List<IssueLink> issueLinks = new ArrayList<>();

    FakeIssue(String id, Instant created) {
        this.id = id;
        this.created = created;
        this.updated = created;
    }

    public String id() { return id; }
    public String key() { return key; }
    public String project() { return project.key(); }
    public String issueTypeId() { return issueType.id(); }
    public String summary() { return summary; }
    public JsonNode description() { return description; }
    public List<String> labels() { return List.copyOf(labels); }
    public String priority() { return priority == null ? null : priority.name(); }
    public LocalDate dueDate() { return dueDate; }
    public String assigneeAccountId() { return assigneeAccountId; }
    public List<String> components() { return components.stream().map(FakeProject.Named::name).toList(); }
    public String statusName() { return status.name(); }
    public String statusCategoryKey() { return status.categoryKey(); }
    public String resolution() { return resolution == null ? null : resolution.name(); }
    public Instant created() { return created; }
    public Instant updated() { return updated; }
    public Map<String, JsonNode> customFields() { return Map.copyOf(customFields); }
    public Map<String, JsonNode> properties() { return Map.copyOf(properties); }
    public List<RemoteLink> remoteLinks() { return List.copyOf(remoteLinks); }
    /** Links to other issues, on both the outward and the inward issue. */
    public List<IssueLink> issueLinks() { return List.copyOf(issueLinks); }
    public List<String> previousKeys() { return List.copyOf(previousKeys); }
}
