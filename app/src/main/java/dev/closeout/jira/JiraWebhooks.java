package dev.closeout.jira;

import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionItems;
import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.TicketState;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import static dev.closeout.db.jooq.Tables.JIRA_WEBHOOK_DELIVERY;

/**
 * Takes Jira's webhook deliveries. A delivery is only a hint that an issue changed: the issue is read
 * again and its current state applied (deliveries arrive late, twice and out of order). Deliveries are
 * remembered by {@code X-Atlassian-Webhook-Identifier}, which stays the same when Jira re-sends one.
 */
@Singleton
@Requires(property = JiraConfiguration.PREFIX + ".enabled", value = "true")
public class JiraWebhooks {

    /** What became of a delivery. */
    public enum Outcome { APPLIED, UNCHANGED, DUPLICATE, IGNORED }

    private final IssueTracker tracker;
    private final JiraStateApplier applier;
    private final JiraTickets tickets;
    private final JiraSync sync;
    private final ActionItems actions;
    private final DSLContext dsl;
    private final JsonMapper json;
    private final Clock clock;

    JiraWebhooks(IssueTracker tracker, JiraStateApplier applier, JiraTickets tickets, JiraSync sync,
                 ActionItems actions, DSLContext dsl, JsonMapper json, Clock clock) {
        this.tracker = tracker;
        this.applier = applier;
        this.tickets = tickets;
        this.sync = sync;
        this.actions = actions;
        this.dsl = dsl;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Handles one verified delivery. A failure to read the issue back propagates after the delivery is
     * forgotten again, so Jira's retry (or the next reconciliation) gets another chance.
     *
     * @throws IllegalArgumentException when the body is not a Jira issue event
     */
    public Outcome receive(@Nullable String identifier, byte[] body) {
        String issueId = issueId(body);
        if (identifier != null && !remember(identifier)) {
            return Outcome.DUPLICATE;
        }
        try {
            return handle(issueId);
        } catch (RuntimeException e) {
            if (identifier != null) {
                forget(identifier);
            }
            throw e;
        }
    }

    private Outcome handle(String issueId) {
        Optional<JiraTicket> row = tickets.findByIssueId(issueId);
        if (row.isEmpty() || row.get().issueDeleted()) {
            return Outcome.IGNORED;
        }
        Optional<TicketState> state = tracker.ticket(issueId);
        if (state.isEmpty()) {
            Optional<ActionItem> action = actions.findForTracker(row.get().actionId());
            action.ifPresent(a -> sync.deleted(row.get(), a));
            return Outcome.APPLIED;
        }
        return switch (applier.apply(state.get())) {
            case APPLIED -> Outcome.APPLIED;
            case UNCHANGED, STALE -> Outcome.UNCHANGED;
            case UNKNOWN_TICKET -> Outcome.IGNORED;
        };
    }

    private String issueId(byte[] body) {
        JsonNode tree;
        try {
            tree = json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
        }
        JsonNode issue = tree == null ? null : tree.get("issue");
        JsonNode id = issue == null ? null : issue.get("id");
        if (id == null || !(id.isString() || id.isNumber())) {
            throw new IllegalArgumentException("issue.id: a Jira issue event carries the issue's id");
        }
        return id.isString() ? id.getStringValue() : id.getNumberValue().toString();
    }

    /** Forgets deliveries older than Jira's retry window, so the table stays small. */
    @Transactional
    public int prune(LocalDateTime before) {
        return dsl.deleteFrom(JIRA_WEBHOOK_DELIVERY).where(JIRA_WEBHOOK_DELIVERY.RECEIVED_AT.lt(before)).execute();
    }

    /** True the first time an identifier is seen. */
    @Transactional
    public boolean remember(String identifier) {
        return dsl.insertInto(JIRA_WEBHOOK_DELIVERY)
                .set(JIRA_WEBHOOK_DELIVERY.IDENTIFIER, identifier.length() > 128 ? identifier.substring(0, 128) : identifier)
                .set(JIRA_WEBHOOK_DELIVERY.RECEIVED_AT, LocalDateTime.now(clock))
                .onDuplicateKeyIgnore()
                .execute() == 1;
    }

    @Transactional
    public void forget(String identifier) {
        dsl.deleteFrom(JIRA_WEBHOOK_DELIVERY).where(JIRA_WEBHOOK_DELIVERY.IDENTIFIER.eq(identifier)).execute();
    }
}
