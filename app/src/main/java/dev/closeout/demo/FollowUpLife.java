package dev.closeout.demo;

import dev.closeout.action.ActionEdit;
import dev.closeout.action.ActionEvent;
import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionStatus;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What happens to one follow-up after its import, up to the end of the demo history: most are worked on
 * and done, some late; some are dropped (not_doing, with a reason); a few are forgotten and stay open
 * for good; a share of the closed ones is reopened and worked on again; people move due dates, hand
 * follow-ups to another owner or team. Every move goes through {@link ActionItem}'s own rules and is
 * recorded as the events the application writes for it ({@link ActionEvent#between}), so the history
 * explains the final state exactly.
 */
final class FollowUpLife {

    /** The follow-up as it stands at the end, and every event that led there, its creation first. */
    record Outcome(ActionItem action, List<ActionEvent> events) {
    }

    private static final double FORGOTTEN = 0.06;
    private static final double DROPPED = 0.08;
    private static final double REOPENED_DONE = 0.07;
    private static final double REOPENED_DROPPED = 0.05;
    private static final double DUE_MOVED = 0.06;
    private static final double DUE_CLEARED = 0.015;
    private static final double OWNER_CHANGED = 0.04;
    private static final double HANDED_OVER = 0.02;
    private static final String JIRA = "jira";

    private final SplittableRandom random;
    private final LocalDateTime end;
    private final List<String> people;
    private final Map<Long, String> teamKeys;
    private final @Nullable Handover handover;

    /** Another team a follow-up may be handed to, with the owner it gets there. */
    record Handover(long teamId, String owner) {
    }

    private record Step(LocalDateTime at, Move move) {
    }

    @FunctionalInterface
    private interface Move {
        /** The follow-up after this move, or the same one when the move no longer applies. */
        ActionItem apply(ActionItem action, LocalDateTime at);
    }

    FollowUpLife(SplittableRandom random, LocalDateTime end, List<String> people, Map<Long, String> teamKeys,
                 @Nullable Handover handover) {
        this.random = random;
        this.end = end;
        this.people = people;
        this.teamKeys = teamKeys;
        this.handover = handover;
    }

    Outcome live(ActionItem created, String importer) {
        List<ActionEvent> events = new ArrayList<>();
        events.add(ActionEvent.created(created, importer));
        List<Step> steps = new ArrayList<>();
        LocalDateTime start = created.createdAt();
        double daysToDue = created.dueDate() == null ? 28
                : Math.max(1, ChronoUnit.DAYS.between(start.toLocalDate(), created.dueDate()));
        double fate = random.nextDouble();
        if (fate < FORGOTTEN) {
            if (random.nextBoolean()) {
                steps.add(new Step(after(start, daysToDue * random.nextDouble(0.05, 0.5)), to(ActionStatus.IN_PROGRESS)));
            }
        } else if (fate < FORGOTTEN + DROPPED) {
            LocalDateTime dropped = after(start, logNormal(15, 0.9));
            if (random.nextDouble() < 0.3) {
                steps.add(new Step(after(start, dayFraction(dropped, start) * 0.5), to(ActionStatus.IN_PROGRESS)));
            }
            steps.add(new Step(dropped, drop()));
            if (random.nextDouble() < REOPENED_DROPPED) {
                reopenAndRework(steps, dropped);
            }
        } else {
            LocalDateTime done = after(start, Math.max(0.2, daysToDue * logNormal(0.85, 0.7)));
            workOn(steps, start, done);
            if (random.nextDouble() < REOPENED_DONE) {
                reopenAndRework(steps, done);
            }
        }
        edits(steps, start, daysToDue);
        steps.sort(Comparator.comparing(Step::at));

        ActionItem action = created;
        long version = 0;
        LocalDateTime last = start;
        for (Step step : steps) {
            // one change per second at most: the clock ticks in whole seconds, and history reads in order
            LocalDateTime at = step.at().isAfter(last) ? step.at() : last.plusSeconds(1);
            if (!at.isBefore(end)) {
                break;
            }
            ActionItem changed = step.move().apply(action, at);
            if (changed.equals(action)) {
                continue;
            }
            events.addAll(ActionEvent.between(action, changed, actor(changed), this::teamKey));
            action = changed;
            version++;
            last = at;
        }
        return new Outcome(withVersion(action, version), events);
    }

    /** Started a while before it is done; a third are started the day they are finished. */
    private void workOn(List<Step> steps, LocalDateTime from, LocalDateTime done) {
        double days = dayFraction(done, from);
        double started = random.nextDouble() < 0.35 ? Math.max(0, days - random.nextDouble(0.01, 0.9))
                : days * random.nextDouble(0.05, 0.8);
        steps.add(new Step(after(from, started), to(ActionStatus.IN_PROGRESS)));
        steps.add(new Step(done, to(ActionStatus.DONE)));
    }

    /** Reopened some days after closing; most are done again later, the rest stay open. */
    private void reopenAndRework(List<Step> steps, LocalDateTime closed) {
        LocalDateTime reopened = after(closed, logNormal(12, 0.8));
        steps.add(new Step(reopened, to(ActionStatus.OPEN)));
        if (random.nextDouble() < 0.7) {
            workOn(steps, reopened, after(reopened, logNormal(14, 0.7)));
        }
    }

    /** Changes people make along the way: a due date moved or cleared, another owner or team. */
    private void edits(List<Step> steps, LocalDateTime start, double daysToDue) {
        if (random.nextDouble() < DUE_MOVED) {
            long days = 7L + random.nextInt(50);
            steps.add(new Step(after(start, daysToDue * random.nextDouble(0.3, 1.3)), (action, at) ->
                    action.dueDate() == null || !action.status().isActive() ? action
                            : action.edit(edit(null, null, new ActionEdit.Change<>(action.dueDate().plusDays(days))), at.toLocalDate(), at)));
        }
        if (random.nextDouble() < DUE_CLEARED) {
            steps.add(new Step(after(start, daysToDue * random.nextDouble(0.1, 0.6)), (action, at) ->
                    !action.status().isActive() ? action : action.edit(edit(null, null, new ActionEdit.Change<>(null)), at.toLocalDate(), at)));
        }
        if (random.nextDouble() < OWNER_CHANGED && !people.isEmpty()) {
            String owner = people.get(random.nextInt(people.size()));
            steps.add(new Step(after(start, daysToDue * random.nextDouble(0.05, 0.7)), (action, at) ->
                    !action.status().isActive() || owner.equals(action.owner()) ? action
                            : action.edit(edit(new ActionEdit.Change<>(owner), null, null), at.toLocalDate(), at)));
        }
        if (handover != null && random.nextDouble() < HANDED_OVER) {
            steps.add(new Step(after(start, daysToDue * random.nextDouble(0.02, 0.3)), (action, at) ->
                    !action.status().isActive() ? action : action.edit(edit(new ActionEdit.Change<>(handover.owner()),
                            new ActionEdit.Change<>(handover.teamId()), null), at.toLocalDate(), at)));
        }
    }

    private static ActionEdit edit(@Nullable ActionEdit.Change<String> owner, @Nullable ActionEdit.Change<Long> team,
                                   @Nullable ActionEdit.Change<java.time.LocalDate> due) {
        return new ActionEdit(owner, team, due, null, null, null, null);
    }

    private static Move to(ActionStatus status) {
        return (action, at) -> action.status().canMoveTo(status) ? action.moveTo(status, null, at) : action;
    }

    private Move drop() {
        String reason = DemoVocabulary.NOT_DOING_REASONS.get(random.nextInt(DemoVocabulary.NOT_DOING_REASONS.size()));
        return (action, at) -> action.status().canMoveTo(ActionStatus.NOT_DOING)
                ? action.moveTo(ActionStatus.NOT_DOING, reason, at) : action;
    }

    /** Status changes come back from Jira a quarter of the time; the rest are people's, by their token. */
    private String actor(ActionItem changed) {
        if (random.nextDouble() < 0.25) {
            return JIRA;
        }
        String owner = changed.owner();
        return "token:" + (owner != null && !owner.endsWith("-oncall") ? owner
                : people.isEmpty() ? "ops" : people.get(random.nextInt(people.size())));
    }

    private String teamKey(Long teamId) {
        return teamKeys.get(teamId);
    }

    /** A positive number of days around {@code median}, skewed to the right as durations of work are. */
    private double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    private static LocalDateTime after(LocalDateTime from, double days) {
        return from.plus(Duration.ofSeconds(Math.round(days * 86_400)));
    }

    private static double dayFraction(LocalDateTime to, LocalDateTime from) {
        return Duration.between(from, to).toSeconds() / 86_400.0;
    }

    private static ActionItem withVersion(ActionItem a, long version) {
        return new ActionItem(a.id(), a.postmortemId(), a.position(), a.text(), a.kind(), a.group(), a.owner(),
                a.ownerSource(), a.teamId(), a.dueDate(), a.dueSource(), a.priority(), a.status(), a.statusReason(),
                a.ticketRef(), a.sourceLine(), a.removedFromSource(), a.origin(), a.dismissed(), a.dismissalReason(),
                a.createdAt(), a.updatedAt(), a.closedAt(), a.snoozedUntil(), version);
    }
}
