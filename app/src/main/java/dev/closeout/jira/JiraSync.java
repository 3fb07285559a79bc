package dev.closeout.jira;

import dev.closeout.action.ActionEvent;
import dev.closeout.action.ActionEventRepository;
import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionItemRepository;
import dev.closeout.action.ActionStatus;
import dev.closeout.integrations.jira.JiraTrackers;
import dev.closeout.integrations.tracker.CreateOutcome;
import dev.closeout.integrations.tracker.InvalidFieldsException;
import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.NewTicket;
import dev.closeout.integrations.tracker.TicketNotFoundException;
import dev.closeout.integrations.tracker.TicketState;
import dev.closeout.integrations.tracker.TrackerAuthException;
import dev.closeout.integrations.tracker.TrackerException;
import dev.closeout.integrations.tracker.TrackerUnavailableException;
import dev.closeout.team.TeamKeys;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;


/**
 * The sync worker: takes due rows of the ticket queue and does what each needs: create the ticket (bulk,
 * up to 50 a request), link a ticket the postmortem named, find again a ticket whose create had no answer,
 * make the link back to the postmortem, push a change made in Closeout. Several instances may run passes
 * at once: rows are claimed with {@code SKIP LOCKED} under a lease.
 *
 * <p>Exactly once: before a create goes out its rows are marked uncertain; the mark is cleared only with
 * the outcome. A row still marked when taken again (a time-out, a lost answer, a crash) is first looked
 * for by its label {@code closeout-<id>}, and linked when found.
 */
@Singleton
@Requires(property = JiraConfiguration.PREFIX + ".enabled", value = "true")
public class JiraSync {

    /** The actor of every change that comes from Jira, in the follow-ups' history. */
    public static final String ACTOR = "jira";
    /** Every ticket Closeout creates or links carries it: reconciliation reads tickets by it. */
    public static final String LABEL = "closeout";
    /** The history field that records a follow-up's ticket. */
    static final String TICKET_EVENT = "jira_ticket";
    /** The history field that notes why a ticket was left unassigned. */
    static final String ASSIGNEE_NOTE = "jira_assignee";
    private static final Pattern JIRA_KEY = Pattern.compile("^[A-Z][A-Z0-9_]+-[1-9][0-9]*$");
    /** A pass stops after this many batches, so one busy instance does not starve the scheduler. */
    private static final int MAX_BATCHES = 100;
    /** How often an uncertain create is looked for within {@code search-settle} before it is made again. */
    private static final int SEARCHES_PER_SETTLE = 4;
    private static final Logger LOG = LoggerFactory.getLogger(JiraSync.class);

    private final IssueTracker tracker;
    private final JiraTickets tickets;
    private final JiraMappings mappings;
    private final JiraUsers users;
    private final ActionItemRepository actions;
    private final ActionEventRepository events;
    private final TicketPusher pusher;
    private final CustomFieldTemplate templates;
    private final TeamKeys teamKeys;
    private final JiraConfiguration configuration;
    private final TicketContent content;
    private final Clock clock;
    private final ExecutorService finishers;

    JiraSync(IssueTracker tracker, JiraTickets tickets, JiraMappings mappings, JiraUsers users,
             ActionItemRepository actions, ActionEventRepository events, TicketPusher pusher,
             CustomFieldTemplate templates, TeamKeys teamKeys,
             JiraConfiguration configuration, Clock clock) {
        this.tracker = tracker;
        this.tickets = tickets;
        this.mappings = mappings;
        this.users = users;
        this.actions = actions;
        this.events = events;
        this.pusher = pusher;
        this.templates = templates;
        this.teamKeys = teamKeys;
        this.configuration = configuration;
        this.content = new TicketContent(configuration.publicUrl());
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.finishers = Executors.newFixedThreadPool(configuration.concurrency(), task -> {
            Thread thread = new Thread(task, "jira-sync-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** True for a Jira issue key such as {@code OPS-123}. */
    static boolean isIssueKey(String text) {
        return JIRA_KEY.matcher(text).matches();
    }

    /** The label that finds a follow-up's ticket again: {@code closeout-<action id>}. */
    public static String actionLabel(long actionId) {
        return LABEL + "-" + actionId;
    }

    /** One pass: failed rows whose mapping changed are queued again, then due rows are worked off. */
    public SyncPassResult runPass() {
        requeueChangedMappings();
        // rows due when the pass started: one it retries is due again, but for the next pass
        LocalDateTime started = now();
        Set<Long> taken = new HashSet<>();
        SyncPassResult total = SyncPassResult.NONE;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<JiraTicket> claimed = tickets.claim(IssueTracker.MAX_BULK_CREATE, started, taken, now(),
                    configuration.claimLease());
            if (claimed.isEmpty()) {
                break;
            }
            claimed.forEach(row -> taken.add(row.actionId()));
            total = total.plus(workIsolated(claimed, false));
        }
        return total;
    }

    /**
     * Works one follow-up's row now, whatever its next attempt time, as a person asked: without a ticket, one
     * is created even when the postmortem names another (that one is linked with {@link #link} instead).
     * Empty when another worker holds the row.
     */
    public Optional<SyncPassResult> runFor(long actionId) {
        return tickets.claimOne(actionId, now(), configuration.claimLease())
                .map(row -> workIsolated(List.of(row), true));
    }

    /**
     * A batch whose shared database work fails (rows' own failures are caught row by row) is tried again
     * later, its uncertain creates still marked; the pass goes on with the next batch.
     */
    private SyncPassResult workIsolated(List<JiraTicket> claimed, boolean createEvenIfNamed) {
        try {
            return work(claimed, createEvenIfNamed);
        } catch (RuntimeException e) {
            LOG.error("a batch of {} Jira ticket(s) failed; it is tried again later", claimed.size(), e);
            List<Long> ids = claimed.stream().map(JiraTicket::actionId).toList();
            tickets.retryLater(ids, "Closeout could not record this ticket's sync: " + reason(e),
                    now().plus(backoff(1)), true, now());
            return new SyncPassResult(claimed.size(), 0, 0, 0, 0, claimed.size());
        }
    }

    /** The innermost message, which names what failed (a key, a constraint) without naming classes. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? "an unexpected error" : cause.getMessage();
    }

    /**
     * A row whose own database work failed, as a write that breaks a unique key: it fails with that reason
     * and the rest of the batch goes on. Its uncertain create stays marked.
     */
    private void broken(Work work, RuntimeException e, Tally tally) {
        LOG.error("the Jira ticket of follow-up {} failed", work.action.id(), e);
        try {
            tickets.broken(work.action.id(), "Closeout could not record this ticket: " + reason(e), now());
        } catch (RuntimeException again) {
            LOG.error("follow-up {}'s ticket could not be marked failed; its lease runs out", work.action.id(), again);
        }
        tally.failed.incrementAndGet();
    }

    private void requeueChangedMappings() {
        for (Long teamId : tickets.teamsWithMappingFailures()) {
            tickets.requeueChangedMapping(teamId, mappings.forTeam(teamId).fingerprint(), now());
        }
    }

    private SyncPassResult work(List<JiraTicket> claimed, boolean createEvenIfNamed) {
        Map<Long, ActionItem> byId = actions.findByIdIn(claimed.stream().map(JiraTicket::actionId).toList())
                .stream().collect(Collectors.toMap(ActionItem::id, Function.identity()));
        Map<Long, JiraTickets.PostmortemName> names = names(byId.values());
        Tally tally = new Tally(claimed.size());
        List<Work> existing = new ArrayList<>();
        List<Work> uncertain = new ArrayList<>();
        List<Work> named = new ArrayList<>();
        List<Work> creates = new ArrayList<>();
        for (JiraTicket row : claimed) {
            ActionItem action = byId.get(row.actionId());
            if (action == null) {
                continue;
            }
            if (action.dismissed()) {
                // dismissed after the row was queued, or queued again since: out of the sync until restored
                tickets.setAside(action.id(), now());
                continue;
            }
            Work work = new Work(row, action, names.get(action.postmortemId()));
            if (row.hasIssue()) {
                existing.add(work);
            } else if (row.createUncertain()) {
                uncertain.add(work);
            } else if (!createEvenIfNamed && action.ticketRef() != null
                    && isIssueKey(action.ticketRef().strip())) {
                named.add(work);
            } else {
                creates.add(work);
            }
        }
        creates.addAll(findAgain(uncertain, existing, tally));
        for (Work work : named) {
            try {
                linkNamed(work, existing, tally);
            } catch (RuntimeException e) {
                broken(work, e, tally);
            }
        }
        create(creates, existing, tally);
        finishAll(existing, tally);
        return tally.result();
    }

    /**
     * Rows whose create had no answer: a ticket with their label is linked; without one, the search is
     * repeated a few times over {@code search-settle} (Jira's search lags behind writes, and a create may
     * finish late) and only then is the create repeated. Should Jira finish it later still, reconciliation
     * closes the second ticket as a duplicate.
     */
    private List<Work> findAgain(List<Work> uncertain, List<Work> existing, Tally tally) {
        List<Work> createAgain = new ArrayList<>();
        if (uncertain.isEmpty()) {
            return createAgain;
        }
        List<TicketState> labelled;
        try {
            labelled = tracker.ticketsLabelled(uncertain.stream().map(w -> actionLabel(w.action.id())).toList());
        } catch (TrackerException e) {
            retry(uncertain, e, true, tally);
            return createAgain;
        }
        for (Work work : uncertain) {
            try {
                // the oldest, should two have been made
                Optional<TicketState> found = labelled.stream()
                        .filter(t -> t.labels().contains(actionLabel(work.action.id())))
                        .filter(t -> t.actionId() == null || t.actionId().equals(work.action.id()))
                        .min(Comparator.comparing(t -> Long.parseLong(t.ticket().id())));
                LocalDateTime settled = work.row.uncertainSince() == null ? null
                        : work.row.uncertainSince().plus(configuration.searchSettle());
                if (found.isPresent()) {
                    adopt(work, found.get().ticket().id(), found.get().ticket().key(), existing, true);
                    tally.linked.incrementAndGet();
                } else if (settled != null && now().isBefore(settled)) {
                    LocalDateTime next = now().plus(configuration.searchSettle().dividedBy(SEARCHES_PER_SETTLE));
                    tickets.postpone(work.action.id(), next.isBefore(settled) ? next : settled, now());
                    tally.retrying.incrementAndGet();
                } else {
                    createAgain.add(work);
                }
            } catch (TrackerException e) {
                retry(List.of(work), e, true, tally);
            } catch (RuntimeException e) {
                broken(work, e, tally);
            }
        }
        return createAgain;
    }

    /** A ticket the postmortem names is verified, labelled and linked, never duplicated. */
    private void linkNamed(Work work, List<Work> existing, Tally tally) {
        String key = work.action.ticketRef().strip();
        try {
            Optional<TicketState> ticket = tracker.ticket(key);
            if (ticket.isEmpty()) {
                tickets.failed(work.action.id(), "the postmortem names ticket " + key + ", which does not exist in "
                        + "Jira or is not visible to the configured account; link another with POST /api/actions/"
                        + work.action.id() + "/ticket", null, now());
                tally.failed.incrementAndGet();
                return;
            }
            Optional<JiraTicket> holder = tickets.findByIssueId(ticket.get().ticket().id());
            if (holder.isPresent()) {
                tickets.failed(work.action.id(), "the postmortem names ticket " + key + ", which is already the "
                        + "ticket of follow-up " + holder.get().actionId() + "; link another with POST /api/actions/"
                        + work.action.id() + "/ticket", null, now());
                tally.failed.incrementAndGet();
                return;
            }
            claimInJira(work.action.id(), ticket.get().ticket().id());
            adopt(work, ticket.get().ticket().id(), ticket.get().ticket().key(), existing, false);
            tally.linked.incrementAndGet();
        } catch (TrackerException e) {
            handle(List.of(work), e, false, this::mappingOf, tally);
        }
    }

    /** Links a follow-up to an existing ticket a person names: verified, labelled, linked back. */
    public SyncPassResult link(long actionId, String key) {
        ActionItem action = actions.findById(actionId).orElseThrow();
        Optional<TicketState> ticket = tracker.ticket(key);
        if (ticket.isEmpty()) {
            throw new TicketNotFoundException(key);
        }
        Optional<JiraTicket> holder = tickets.findByIssueId(ticket.get().ticket().id());
        if (holder.isPresent() && holder.get().actionId() != actionId) {
            throw new TicketTakenException(ticket.get().ticket().key(), holder.get().actionId());
        }
        claimInJira(actionId, ticket.get().ticket().id());
        tickets.restart(actionId, now());
        Work work = new Work(tickets.find(actionId).orElseThrow(), action, names(List.of(action))
                .get(action.postmortemId()));
        List<Work> existing = new ArrayList<>();
        adopt(work, ticket.get().ticket().id(), ticket.get().ticket().key(), existing, false);
        Tally tally = new Tally(1);
        tally.linked.incrementAndGet();
        finishAll(existing, tally);
        return tally.result();
    }

    private void claimInJira(long actionId, String issueId) {
        tracker.claim(issueId, List.of(LABEL, actionLabel(actionId)), JiraTrackers.PROPERTY_KEY, actionId);
    }

    private void create(List<Work> creates, List<Work> existing, Tally tally) {
        List<Work> ready = new ArrayList<>();
        List<NewTicket> requests = new ArrayList<>();
        Map<Long, JiraMapping> mappingOf = new HashMap<>();
        List<Long> teamIds = creates.stream().map(w -> w.action.teamId()).filter(Objects::nonNull).distinct()
                .toList();
        Map<Long, JiraMapping> teamMappings = mappings.forTeams(teamIds);
        Map<Long, String> keys = teamKeys.keysOf(teamIds);
        for (Work work : creates) {
            Long teamId = work.action.teamId();
            JiraMapping mapping = teamId == null ? mappings.global()
                    : teamMappings.getOrDefault(teamId, mappings.global());
            mappingOf.put(work.action.id(), mapping);
            if (mapping.project() == null) {
                tickets.failed(work.action.id(), "no Jira project for this follow-up: set the team's jira_project "
                        + "or closeout.jira.default-project", mapping.fingerprint(), now());
                tally.failed.incrementAndGet();
                continue;
            }
            try {
                requests.add(newTicket(work, mapping, teamId == null ? null : keys.get(teamId)));
                ready.add(work);
            } catch (TrackerException e) {
                handle(List.of(work), e, false, w -> mapping, tally);
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        tickets.markUncertain(ready.stream().map(w -> w.action.id()).toList(), now());
        List<CreateOutcome> outcomes;
        try {
            outcomes = tracker.createTickets(requests);
        } catch (TrackerException e) {
            boolean unknown = e instanceof TrackerUnavailableException u && u.outcomeUnknown();
            handle(ready, e, unknown, w -> mappingOf.get(w.action.id()), tally);
            return;
        }
        for (int i = 0; i < ready.size(); i++) {
            Work work = ready.get(i);
            CreateOutcome outcome = outcomes.get(i);
            try {
                if (outcome instanceof CreateOutcome.Created created) {
                    tally.created.incrementAndGet();
                    adopt(work, created.ticket().id(), created.ticket().key(), existing, true);
                    if (work.action.owner() != null && requests.get(i).assigneeId() == null) {
                        noteUnassigned(work.action, created.ticket().key());
                    }
                } else if (outcome instanceof CreateOutcome.Rejected rejected) {
                    tickets.failed(work.action.id(), "Jira refused the ticket: " + rejected.reason().getMessage(),
                            mappingOf.get(work.action.id()).fingerprint(), now());
                    tally.failed.incrementAndGet();
                }
            } catch (RuntimeException e) {
                broken(work, e, tally);
            }
        }
    }

    private NewTicket newTicket(Work work, JiraMapping mapping, String teamKey) {
        ActionItem action = work.action;
        JiraTickets.PostmortemName postmortem = work.postmortem == null
                ? new JiraTickets.PostmortemName(null, null) : work.postmortem;
        Map<String, String> customFields = templates.render(mapping.customFields(), new TicketContext(action.id(),
                action.text(), action.kind(), action.priority(), action.owner(), action.postmortemId(),
                postmortem.title(), postmortem.service(), teamKey));
        List<String> labels = new ArrayList<>(List.of(LABEL, actionLabel(action.id())));
        mapping.labels().stream().filter(l -> !labels.contains(l)).forEach(labels::add);
        String assignee = users.userIdOf(action.owner(), tracker).orElse(null);
        return new NewTicket(mapping.project(), mapping.issueType(), TicketContent.summary(action),
                content.description(action, work.postmortemTitle()), labels, mapping.jiraPriority(action.priority()),
                action.dueDate(), assignee, mapping.components(), customFields, JiraTrackers.PROPERTY_KEY,
                action.id());
    }

    /** The owner has no Jira account Closeout could find: the ticket went out unassigned, and the history says why. */
    private void noteUnassigned(ActionItem action, String key) {
        events.save(new ActionEvent(null, action.id(), ASSIGNEE_NOTE, null, key + " is unassigned: no single active "
                + "Jira user has the e-mail '" + action.owner() + "' (owners are matched by e-mail address)", ACTOR,
                now()));
    }

    /**
     * The follow-up has its ticket now: remember id and key, note it in the history, finish it in this pass.
     * A ticket Closeout made ({@code ours}) is then brought to the follow-up's state, which a person may
     * have changed before it existed: created in To Do, it is moved on right away.
     */
    private void adopt(Work work, String issueId, String issueKey, List<Work> existing, boolean ours) {
        boolean push = ours && work.action.status() != ActionStatus.OPEN;
        tickets.linked(work.action.id(), issueId, issueKey, configuration.remoteLinks(), push, now());
        events.save(new ActionEvent(null, work.action.id(), TICKET_EVENT, null, issueKey, ACTOR, now()));
        existing.add(new Work(tickets.find(work.action.id()).orElseThrow(), work.action, work.postmortem));
    }

    /**
     * Finishes tickets a few at a time: each is a request or more of its own (Jira has no bulk call for
     * remote links or transitions), and a handful in flight stays well inside Jira's burst limits.
     */
    private void finishAll(List<Work> works, Tally tally) {
        List<Future<?>> running = new ArrayList<>();
        for (Work work : works) {
            running.add(finishers.submit(() -> finish(work, tally)));
        }
        for (Future<?> finishing : running) {
            try {
                finishing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.error("finishing a Jira ticket failed; the row stays pending for the next pass", e.getCause());
            }
        }
    }

    @PreDestroy
    void stop() {
        finishers.shutdownNow();
    }

    /**
     * The link back and any change made in Closeout; then the row is synced, unless a person changed the
     * follow-up meanwhile: row and follow-up are read afresh, row first, and the row stays pending when its
     * count of changes moved on while the push ran.
     */
    private void finish(Work work, Tally tally) {
        try {
            Optional<JiraTicket> fresh = tickets.find(work.action.id());
            Optional<ActionItem> action = actions.findById(work.action.id());
            if (fresh.isEmpty() || action.isEmpty() || !fresh.get().hasIssue()) {
                return;
            }
            JiraTicket row = fresh.get();
            if (row.linkPending()) {
                tracker.linkBack(row.issueId(), content.backLink(action.get(), work.postmortemTitle()));
                tickets.linkedBack(row.actionId(), now());
            }
            Long jiraUpdatedMs = null;
            if (row.pushPending()) {
                JiraMapping mapping = mappings.forTeam(action.get().teamId());
                jiraUpdatedMs = pusher.push(row, action.get(), mapping);
                tally.pushed.incrementAndGet();
            }
            tickets.synced(row.actionId(), row.localChanges(), jiraUpdatedMs, now());
        } catch (TicketNotFoundException e) {
            deleted(work.row, work.action);
            tally.failed.incrementAndGet();
        } catch (TrackerException e) {
            handle(List.of(work), e, false, this::mappingOf, tally);
        } catch (RuntimeException e) {
            broken(work, e, tally);
        }
    }

    /** The ticket is gone from Jira: the follow-up says so, and nothing recreates it unasked. */
    void deleted(JiraTicket row, ActionItem action) {
        String key = row.issueKey() == null ? row.issueId() : row.issueKey();
        tickets.deletedInJira(row.actionId(), "ticket " + key + " was deleted in Jira (or the configured account "
                + "can no longer see it); Closeout does not recreate it: POST /api/actions/" + row.actionId()
                + "/ticket creates a new one or links another", now());
        events.save(new ActionEvent(null, action.id(), TICKET_EVENT, key, null, ACTOR, now()));
    }

    private JiraMapping mappingOf(Work work) {
        return mappings.forTeam(work.action.teamId());
    }

    /** A refusal fails the works for good (until {@code mappingOf} their mapping changes); anything else retries. */
    private void handle(List<Work> works, TrackerException e, boolean uncertain, Function<Work, JiraMapping> mappingOf,
                        Tally tally) {
        if (e instanceof InvalidFieldsException) {
            for (Work work : works) {
                tickets.failed(work.action.id(), "Jira refused: " + e.getMessage(),
                        mappingOf.apply(work).fingerprint(), now());
                tally.failed.incrementAndGet();
            }
        } else {
            retry(works, e, uncertain, tally);
        }
    }

    private void retry(List<Work> works, TrackerException e, boolean uncertain, Tally tally) {
        int attempts = works.stream().mapToInt(w -> w.row.attempts()).max().orElse(1);
        String error = (e instanceof TrackerAuthException ? "Jira refused the configured credentials: " : "")
                + e.getMessage();
        LOG.warn("Jira sync of {} follow-up(s) will be tried again: {}", works.size(), e.getMessage());
        tickets.retryLater(works.stream().map(w -> w.action.id()).toList(), error,
                now().plus(backoff(attempts)), uncertain, now());
        tally.retrying.addAndGet(works.size());
    }

    /** Doubling pauses from retry-delay up to max-retry-delay, each drawn from its upper half (jitter). */
    private Duration backoff(int attempts) {
        long base = configuration.retryDelay().toMillis();
        long cap = configuration.maxRetryDelay().toMillis();
        long delay = Math.min(cap, base << Math.min(Math.max(attempts - 1, 0), 20));
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }

    private Map<Long, JiraTickets.PostmortemName> names(Collection<ActionItem> items) {
        return tickets.postmortemNames(items.stream().map(ActionItem::postmortemId).distinct().toList());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** A claimed row with its follow-up and its postmortem's name. */
    private record Work(JiraTicket row, ActionItem action, JiraTickets.PostmortemName postmortem) {

        String postmortemTitle() {
            return postmortem == null ? null : postmortem.title();
        }
    }

    /** What a batch did; finishing runs on several threads. */
    private static final class Tally {
        private final int claimed;
        private final AtomicInteger created = new AtomicInteger();
        private final AtomicInteger linked = new AtomicInteger();
        private final AtomicInteger pushed = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger retrying = new AtomicInteger();

        private Tally(int claimed) {
            this.claimed = claimed;
        }

        private SyncPassResult result() {
            return new SyncPassResult(claimed, created.get(), linked.get(), pushed.get(), failed.get(),
                    retrying.get());
        }
    }
}
