package dev.closeout.integrations.jira.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A project's configuration: issue types, create screen, priority scheme, components, assignable users. */
public final class FakeProject {

    /** Ids of the well-known issue types, so tests can use them as Jira admins would see them. */
    private static final Map<String, String> KNOWN_TYPE_IDS = Map.of("Task", "10002", "Bug", "10004", "Story", "10001", "Epic", "10000");

    public static final List<String> DEFAULT_CREATE_SCREEN = List.of(
            "project", "issuetype", "summary", "description", "labels", "priority", "duedate", "assignee", "components");

    record Named(String id, String name) {}

    private final String id;
    private final String key;
    private volatile Map<String, String> issueTypes = new LinkedHashMap<>(); // name -> id
    private volatile Set<String> createScreen = new LinkedHashSet<>(DEFAULT_CREATE_SCREEN);
    private volatile List<Named> priorities = List.of();
    private volatile List<Named> components = List.of();
    private volatile Set<String> assignable; // null: every known active user

    FakeProject(String id, String key) {
        this.id = id;
        this.key = key;
        issueTypes("Task", "Bug");
        priorities("Highest", "High", "Medium", "Low", "Lowest");
    }

    public FakeProject issueTypes(String... names) {
        Map<String, String> types = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            types.put(names[i], KNOWN_TYPE_IDS.getOrDefault(names[i], String.valueOf(10100 + i)));
        }
        issueTypes = types;
        return this;
    }

    public FakeProject createScreen(String... fieldIds) {
        createScreen = new LinkedHashSet<>(List.of(fieldIds));
        return this;
    }

    /** Priority scheme; ids are "1", "2", ... in the given order, like Jira's defaults. */
    public FakeProject priorities(String... names) {
        List<Named> list = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            list.add(new Named(String.valueOf(i + 1), names[i]));
        }
        priorities = List.copyOf(list);
        return this;
    }

    /** Components; ids are "10030", "10031", ... in the given order. */
    public FakeProject components(String... names) {
        List<Named> list = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            list.add(new Named(String.valueOf(10030 + i), names[i]));
        }
        components = List.copyOf(list);
        return this;
    }

    public FakeProject assignable(String... accountIds) {
        assignable = new LinkedHashSet<>(List.of(accountIds));
        return this;
    }

    public String id() { return id; }
    public String key() { return key; }
    public Map<String, String> issueTypeIds() { return Map.copyOf(issueTypes); }
    public Set<String> createScreenFields() { return Set.copyOf(createScreen); }

    String name() { return key.charAt(0) + key.substring(1).toLowerCase() + " project"; }

    Optional<Named> issueType(String idOrName) {
        return issueTypes.entrySet().stream()
                .filter(e -> e.getValue().equals(idOrName) || e.getKey().equals(idOrName))
                .map(e -> new Named(e.getValue(), e.getKey())).findFirst();
    }

    List<Named> issueTypeList() {
        return issueTypes.entrySet().stream().map(e -> new Named(e.getValue(), e.getKey())).toList();
    }

    boolean onCreateScreen(String fieldId) { return createScreen.contains(fieldId); }

    List<Named> priorityList() { return priorities; }

    List<Named> componentList() { return components; }

    Optional<Named> priority(String id, String name) {
        return find(priorities, id, name);
    }

    Optional<Named> component(String id, String name) {
        return find(components, id, name);
    }

    boolean canAssign(FakeUser user) {
        return user.active() && (assignable == null || assignable.contains(user.accountId()));
    }

    private static Optional<Named> find(List<Named> list, String id, String name) {
        return list.stream().filter(n -> n.id().equals(id) || n.name().equals(name)).findFirst();
    }
}
