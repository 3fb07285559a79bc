package dev.closeout.integrations.jira.fake;

import java.util.List;
import java.util.Optional;

/** The one workflow every fake project uses: three statuses, a global transition into each, resolutions. */
final class Workflow {

    record Status(String id, String name, String categoryKey, int categoryId, String categoryName, String colorName) {}

    record Transition(String id, String name, Status to, boolean hasResolutionScreen) {}

    static final Status TO_DO = new Status("10000", "To Do", "new", 2, "To Do", "blue-gray");
    static final Status IN_PROGRESS = new Status("3", "In Progress", "indeterminate", 4, "In Progress", "yellow");
    static final Status DONE = new Status("10001", "Done", "done", 3, "Done", "green");
    static final List<Status> STATUSES = List.of(TO_DO, IN_PROGRESS, DONE);

    static final List<Transition> TRANSITIONS = List.of(
            new Transition("11", "To Do", TO_DO, false),
            new Transition("21", "In Progress", IN_PROGRESS, false),
            new Transition("31", "Done", DONE, true));

    record Resolution(String id, String name, String description) {}

    static final List<Resolution> RESOLUTIONS = List.of(
            new Resolution("10000", "Done", "Work has been completed on this issue."),
            new Resolution("10001", "Won't Do", "This issue won't be actioned."),
            new Resolution("10002", "Duplicate", "The problem is a duplicate of an existing issue."));

    private Workflow() {}

    /** Transitions are global but never loop back to the status the issue is already in. */
    static List<Transition> from(Status current) {
        return TRANSITIONS.stream().filter(t -> !t.to().equals(current)).toList();
    }

    static Optional<Transition> transition(Status current, String id) {
        return from(current).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    static Status byCategory(String categoryKey) {
        return STATUSES.stream().filter(s -> s.categoryKey().equals(categoryKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no status in category " + categoryKey));
    }

    static Optional<Resolution> resolution(String idOrName) {
        return RESOLUTIONS.stream().filter(r -> r.id().equals(idOrName) || r.name().equals(idOrName)).findFirst();
    }
}
