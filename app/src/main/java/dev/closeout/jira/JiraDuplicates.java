package dev.closeout.jira;

import dev.closeout.action.ActionEvent;
import dev.closeout.action.ActionEventRepository;
import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.StatusCategory;
import dev.closeout.integrations.tracker.TicketState;
import dev.closeout.integrations.tracker.TrackerException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Second tickets of one follow-up, as a create Jira finished after Closeout had given up on it leaves: any
 * ticket carrying {@code closeout-<id>} besides the follow-up's own. The oldest is kept (the follow-up is
 * linked to it if it had another), the others are linked to it as duplicates and closed with the resolution
 * Duplicate; the follow-up's history says so, and {@code closeout_jira_duplicates_closed_total} counts them.
 */
@Singleton
@Requires(property = JiraConfiguration.PREFIX + ".enabled", value = "true")
class JiraDuplicates {

    /** The history field that records a second ticket closed as a duplicate: old the duplicate, new the kept one. */
    static final String DUPLICATE_EVENT = "jira_duplicate";
    static final String RESOLUTION = "Duplicate";
    private static final Pattern ACTION_LABEL = Pattern.compile("^" + JiraSync.LABEL + "-([0-9]+)$");
    private static final Logger LOG = LoggerFactory.getLogger(JiraDuplicates.class);

    private final IssueTracker tracker;
    private final JiraTickets tickets;
    private final ActionEventRepository events;
    private final Optional<MeterRegistry> registry;
    private final JiraConfiguration configuration;
    private final Clock clock;

    JiraDuplicates(IssueTracker tracker, JiraTickets tickets, ActionEventRepository events,
                   Optional<MeterRegistry> registry, JiraConfiguration configuration, Clock clock) {
        this.tracker = tracker;
        this.tickets = tickets;
        this.events = events;
        this.registry = registry;
        this.configuration = configuration;
        this.clock = clock;
    }

    /** Closes the duplicates among (and beside) the tickets read; answers how many it closed. */
    int close(Collection<TicketState> read) {
        Map<Long, List<TicketState>> seen = new HashMap<>();
        for (TicketState state : read) {
            actionIdOf(state).ifPresent(id -> seen.computeIfAbsent(id, k -> new ArrayList<>()).add(state));
        }
        Map<Long, JiraTicket> rows = tickets.findAll(seen.keySet());
        List<Long> suspects = seen.entrySet().stream()
                .filter(e -> rows.containsKey(e.getKey()))
                .filter(e -> rows.get(e.getKey()).hasIssue() && !rows.get(e.getKey()).issueDeleted())
                .filter(e -> e.getValue().stream().anyMatch(t -> !t.ticket().id().equals(rows.get(e.getKey()).issueId())))
                .map(Map.Entry::getKey).sorted().toList();
        int closed = 0;
        for (int from = 0; from < suspects.size(); from += IssueTracker.MAX_BULK_CREATE) {
            List<Long> batch = suspects.subList(from, Math.min(suspects.size(), from + IssueTracker.MAX_BULK_CREATE));
            List<TicketState> labelled;
            try {
                labelled = tracker.ticketsLabelled(batch.stream().map(JiraSync::actionLabel).toList());
            } catch (TrackerException e) {
                LOG.warn("second tickets of {} follow-up(s) are looked at again later: {}", batch.size(), e.getMessage());
                continue;
            }
            for (long actionId : batch) {
                Map<String, TicketState> carriers = new LinkedHashMap<>();
                // the search lags behind writes: what was read counts too
                seen.get(actionId).forEach(t -> carriers.put(t.ticket().id(), t));
                labelled.stream().filter(t -> t.labels().contains(JiraSync.actionLabel(actionId)))
                        .forEach(t -> carriers.put(t.ticket().id(), t));
                try {
                    closed += closeFor(rows.get(actionId), carriers);
                } catch (TrackerException e) {
                    LOG.warn("second tickets of follow-up {} are looked at again later: {}", actionId, e.getMessage());
                }
            }
        }
        return closed;
    }

    private int closeFor(JiraTicket row, Map<String, TicketState> carriers) {
        if (!carriers.containsKey(row.issueId())) {
            Optional<TicketState> own = tracker.ticket(row.issueId());
            if (own.isEmpty()) {
                // deleted in Jira: the sync says so on the follow-up; nothing is chosen over a person's head
                return 0;
            }
            carriers.put(row.issueId(), own.get());
        }
        Optional<TicketState> kept = carriers.values().stream().filter(t -> !closedAsDuplicate(t))
                .min(Comparator.comparing(t -> Long.parseLong(t.ticket().id())));
        if (kept.isEmpty()) {
            return 0;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String keptKey = kept.get().ticket().key();
        if (!kept.get().ticket().id().equals(row.issueId())) {
            tickets.linked(row.actionId(), kept.get().ticket().id(), keptKey, configuration.remoteLinks(), true, now);
            events.save(new ActionEvent(null, row.actionId(), JiraSync.TICKET_EVENT, row.issueKey(), keptKey,
                    JiraSync.ACTOR, now));
        }
        int closed = 0;
        for (TicketState other : carriers.values()) {
            if (other.ticket().id().equals(kept.get().ticket().id()) || closedAsDuplicate(other)) {
                continue;
            }
            if (other.category() == StatusCategory.DONE) {
                // closed another way (the push of a done follow-up reached it first): only a transition into
                // done sets the resolution, so it is reopened and closed as the duplicate it is
                tracker.moveTo(other.ticket().id(), StatusCategory.TO_DO, null);
            }
            tracker.closeAsDuplicate(other.ticket().id(), kept.get().ticket().id());
            events.save(new ActionEvent(null, row.actionId(), DUPLICATE_EVENT, other.ticket().key(), keptKey,
                    JiraSync.ACTOR, LocalDateTime.now(clock)));
            registry.ifPresent(r -> r.counter("closeout.jira.duplicates.closed").increment());
            closed++;
        }
        return closed;
    }

    private static boolean closedAsDuplicate(TicketState ticket) {
        return ticket.category() == StatusCategory.DONE && RESOLUTION.equalsIgnoreCase(ticket.resolution());
    }

    private static Optional<Long> actionIdOf(TicketState ticket) {
        for (String label : ticket.labels()) {
            Matcher matcher = ACTION_LABEL.matcher(label);
            if (matcher.matches()) {
                return Optional.of(Long.parseLong(matcher.group(1)));
            }
        }
        return Optional.empty();
    }
}
