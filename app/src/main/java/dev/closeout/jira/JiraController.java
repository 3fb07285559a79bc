package dev.closeout.jira;

import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionItems;
import dev.closeout.action.DismissalConflictException;
import dev.closeout.integrations.tracker.RateLimitedException;
import dev.closeout.integrations.tracker.TicketNotFoundException;
import dev.closeout.integrations.tracker.TrackerException;
import dev.closeout.integrations.tracker.TrackerUnavailableException;
import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.security.TeamScoped;
import dev.closeout.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The Jira sync through the API: its state in sum and per follow-up, a pass on demand, a ticket for one
 * follow-up now (created, or an existing one linked). The sums and passes are every team's, for tokens
 * scoped to no team; a follow-up's ticket is for whoever reaches the follow-up.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
@Tag(name = "jira")
// any operation answers 400 to a query parameter it does not take (UnknownQueryParameterFilter)
@ProblemResponses.BadRequest
@ProblemResponses.Unauthenticated
@ProblemResponses.Unavailable
class JiraController {

    private static final int FAILURES_SHOWN = 20;

    private final JiraConfiguration configuration;
    private final JiraTickets tickets;
    private final SyncPasses passes;
    private final ActionItems actions;
    private final Optional<JiraSync> sync;
    private final Optional<JiraReconciler> reconciler;
    private final Clock clock;

    JiraController(JiraConfiguration configuration, JiraTickets tickets, SyncPasses passes, ActionItems actions,
                   Optional<JiraSync> sync, Optional<JiraReconciler> reconciler, Clock clock) {
        this.configuration = configuration;
        this.tickets = tickets;
        this.passes = passes;
        this.actions = actions;
        this.sync = sync;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    /** A link to an existing ticket: {@code {"key": "OPS-123"}}; no body creates one. */
    @Serdeable
    record TicketRequest(@Nullable String key) {
    }

    /** Every team's sums and failures, for tokens scoped to no team. */
    @Operation(operationId = "getJiraStatus", summary = "The Jira sync's state",
            description = "Whether the sync is on, the tickets pending, synced and failed, the last passes and the "
                    + "latest failures; every team's, so a token scoped to a team is refused.")
    @ProblemResponses.Forbidden
    @Get("/integrations/jira/status")
    JiraStatusResponse status() {
        Map<SyncState, Integer> counts = tickets.countByState();
        return new JiraStatusResponse(configuration.enabled(), configuration.enabled() ? configuration.flavour() : null,
                configuration.baseUrl() == null ? null : configuration.baseUrl().toString(),
                counts.getOrDefault(SyncState.PENDING, 0), counts.getOrDefault(SyncState.SYNCED, 0),
                counts.getOrDefault(SyncState.FAILED, 0), TicketSyncResponse.utc(tickets.oldestPending().orElse(null)),
                TicketSyncResponse.utc(passes.lastFinished(SyncPasses.SYNC).orElse(null)),
                TicketSyncResponse.utc(passes.lastFinished(SyncPasses.RECONCILE).orElse(null)),
                tickets.withErrors(FAILURES_SHOWN, null).stream().map(this::view)
                        .toList());
    }

    /** Runs a pass of the sync worker now and says what it did. */
    @Operation(operationId = "runJiraSync", summary = "Run a pass of the Jira sync now",
            description = "Creates and updates the tickets that are due and says what it did. 409 when the sync "
                    + "is off.")
    @ProblemResponses.Forbidden
    @ProblemResponses.Conflict
    @Secured(Roles.EDITOR)
    @Post("/integrations/jira/sync")
    SyncPassResult syncNow() {
        LocalDateTime started = LocalDateTime.now(clock);
        SyncPassResult result = enabledSync().runPass();
        passes.finished(SyncPasses.SYNC, started, LocalDateTime.now(clock));
        return result;
    }

    /** Reads back the tickets updated in Jira since the last reconciliation, now. */
    @Operation(operationId = "runJiraReconciliation", summary = "Read back from Jira now",
            description = "Reads the tickets updated in Jira since the last reconciliation and applies their "
                    + "states. 409 when the sync is off; 503 while Jira is down (try again), 502 when Jira refuses "
                    + "Closeout.")
    @ProblemResponses.Forbidden
    @ProblemResponses.Conflict
    @ProblemResponses.BadGateway
    @Secured(Roles.EDITOR)
    @Post("/integrations/jira/reconcile")
    JiraReconciler.Result reconcileNow() {
        enabledSync();
        try {
            return reconciler.orElseThrow().reconcile();
        } catch (TrackerUnavailableException | RateLimitedException e) {
            // Jira down or throttling after the adapter's own retries: a passing fault, so the caller tries again
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Jira is unavailable, try again later: "
                    + e.getMessage());
        } catch (TrackerException e) {
            throw new HttpStatusException(HttpStatus.BAD_GATEWAY, "Jira: " + e.getMessage());
        }
    }

    @Operation(operationId = "getActionTicket", summary = "A follow-up's Jira ticket",
            description = "The ticket and its sync state; 404 when the follow-up has none and none is queued.")
    @ProblemResponses.NotFound
    @Get("/actions/{id}/ticket")
    @TeamScoped
    TicketSyncResponse ticket(long id, Authentication authentication) {
        actions.get(id, Caller.of(authentication));
        return tickets.find(id).map(this::view).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "follow-up " + id + " has no Jira ticket and none is queued: POST /api/actions/" + id
                        + "/ticket creates one"));
    }

    /**
     * Creates the follow-up's ticket now, or links the ticket {@code key} names (verified in Jira, labelled
     * and linked back). A follow-up that has a ticket keeps it unless a key is given; one whose ticket was
     * deleted in Jira gets a new one. A dismissed follow-up is out of the sync: 409 until it is restored.
     */
    @Operation(operationId = "createActionTicket", summary = "Create or link a follow-up's Jira ticket now",
            description = "No body (or no `key`) creates the ticket now; `{\"key\": \"OPS-123\"}` links that "
                    + "existing issue. 409 when the sync is off, the follow-up is dismissed, the issue is another "
                    + "follow-up's or another worker is syncing it; 422 when the issue does not exist; 502 when Jira "
                    + "fails.")
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedMediaType
    @ProblemResponses.Unprocessable
    @ProblemResponses.BadGateway
    @Secured(Roles.EDITOR)
    @Post("/actions/{id}/ticket")
    @TeamScoped
    TicketSyncResponse createTicket(long id, @Body @Nullable TicketRequest request, Authentication authentication) {
        ActionItem action = actions.get(id, Caller.of(authentication));
        JiraSync jira = enabledSync();
        if (action.dismissed()) {
            throw new DismissalConflictException("dismissed: follow-up " + id + " is dismissed, so it has no ticket "
                    + "made or linked; restore it (POST /api/actions/" + id + "/restore) first");
        }
        String key = request == null || request.key() == null ? null : request.key().strip();
        try {
            if (key != null) {
                if (!JiraSync.isIssueKey(key)) {
                    throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                            "key: must be a Jira issue key such as OPS-123, was '" + key + "'");
                }
                jira.link(action.id(), key);
            } else {
                Optional<JiraTicket> row = tickets.find(id);
                if (row.isEmpty() || row.get().issueDeleted() || !row.get().hasIssue()) {
                    tickets.restart(id, LocalDateTime.now(clock));
                }
                if (jira.runFor(id).isEmpty()) {
                    throw new HttpStatusException(HttpStatus.CONFLICT,
                            "another worker is syncing follow-up " + id + "'s ticket right now; try again shortly");
                }
            }
        } catch (TicketNotFoundException e) {
            throw new HttpStatusException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        } catch (TicketTakenException e) {
            throw new HttpStatusException(HttpStatus.CONFLICT, e.getMessage());
        } catch (TrackerException e) {
            throw new HttpStatusException(HttpStatus.BAD_GATEWAY, "Jira: " + e.getMessage());
        }
        return tickets.find(id).map(this::view).orElseThrow();
    }

    private JiraSync enabledSync() {
        return sync.orElseThrow(() -> new HttpStatusException(HttpStatus.CONFLICT,
                "the Jira sync is off: set closeout.jira.enabled=true (CLOSEOUT_JIRA_ENABLED) and its connection"));
    }

    private TicketSyncResponse view(JiraTicket row) {
        return TicketSyncResponse.of(row, configuration.baseUrl());
    }
}
