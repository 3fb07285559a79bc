package dev.closeout.action;

import dev.closeout.team.TeamKeys;
import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.security.TeamScoped;
import dev.closeout.web.Cursor;
import dev.closeout.web.Page;
import dev.closeout.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import io.micronaut.transaction.annotation.ReadOnly;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Follow-ups: the list with its filters, one follow-up with its ETag, edits with optimistic concurrency,
 * status transitions and the history of changes.
 */
@Controller("/api/actions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
@TeamScoped
@Tag(name = "actions")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthenticated
@ProblemResponses.Unavailable
class ActionController {

    private final ActionItems actions;
    private final ActionLists lists;
    private final TeamKeys teamKeys;
    private final ActionViews views;
    private final ActionExport exports;
    private final Scheduler blocking;

    ActionController(ActionItems actions, ActionLists lists, TeamKeys teamKeys, ActionViews views,
                     ActionExport exports, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.actions = actions;
        this.lists = lists;
        this.teamKeys = teamKeys;
        this.views = views;
        this.exports = exports;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Operation(operationId = "listActions",
            summary = "Follow-ups matching the filters, a page at a time; or every one of them as CSV.",
            description = "`Accept: text/csv` or `format=csv` exports every follow-up the filters match, in the "
                    + "list's order, with the JSON items' fields as columns (`limit` and `cursor` do not apply).")
    @ApiResponse(responseCode = "200", description = "A page of follow-ups, or the CSV export", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(ref = "#/components/schemas/Page_ActionItemResponse_")),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get
    @ReadOnly // the team's key and the page in one transaction (a CSV export reads in its own)
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> list(@RequestBean ActionListParams params,
                         @Parameter(description = "json (default) or csv; overrides Accept.")
                         @QueryValue @Nullable String format,
                         HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Long teamId = lists.teamOf(params, caller);
        if (ActionExport.asked(request, format)) {
            return exports.export(params, teamId, caller).response("actions.csv", blocking);
        }
        return HttpResponse.ok(lists.page(params, teamId, caller));
    }

    @Operation(operationId = "getAction", summary = "Get a follow-up",
            description = "The follow-up with its ETag, to send back as If-Match with a change.")
    @FollowUpWithEtag
    @ProblemResponses.NotFound
    @Get("/{id}")
    HttpResponse<ActionItemResponse> get(long id, Authentication authentication) {
        return withEtag(actions.get(id, Caller.of(authentication)));
    }

    /**
     * Changes owner, team, due date, priority, kind, text or the snooze of reminders. The version the change is
     * based on is required, as {@code If-Match} (the ETag) or {@code "version"} in the body: without one, a client
     * could undo a change it never saw.
     */
    @Operation(operationId = "editAction", summary = "Change a follow-up",
            description = "Changes owner, team, due date, priority, kind, text or `snoozed_until`, based on the version "
                    + "in If-Match (or `version` in the body). 409 when the follow-up changed since that version; 428 "
                    + "without one.")
    @FollowUpWithEtag
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedMediaType
    @ProblemResponses.PreconditionRequired
    @Secured(Roles.EDITOR)
    @Patch("/{id}")
    HttpResponse<ActionItemResponse> edit(long id, @RequestBody(description = "The fields to change; a field left "
            + "out stays as it is, null clears it (kind and text cannot be cleared).", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionPatch.Body.class)))
                                          @Body @Nullable JsonNode body,
                                          @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                          Authentication authentication) {
        ActionPatch patch = ActionPatch.parse(body, id);
        long version = expectedVersion(id, ifMatch, patch.version());
        Caller caller = Caller.of(authentication);
        ActionEdit.Change<Long> team = patch.team() == null ? null
                : new ActionEdit.Change<>(handedTo(patch.team().value(), caller));
        ActionEdit edit = new ActionEdit(patch.owner(), team, patch.due(), patch.priority(), patch.kind(),
                patch.text(), patch.snoozedUntil());
        return withEtag(actions.edit(id, version, edit, caller));
    }

    @Operation(operationId = "transitionAction", summary = "Move a follow-up to another status",
            description = "open, in_progress, done or not_doing (which needs a `reason`). 409 when the move is not "
                    + "allowed from the follow-up's status.")
    @FollowUpWithEtag
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedMediaType
    @Secured(Roles.EDITOR)
    @Post("/{id}/transitions")
    HttpResponse<ActionItemResponse> transition(long id, @Body TransitionRequest request,
                                                Authentication authentication) {
        return withEtag(actions.move(id, request.status(), request.checkedReason(), Caller.of(authentication)));
    }

    /**
     * Dismisses a follow-up that is no follow-up at all (the extraction took a sentence for one), with a
     * {@code reason}: it leaves the lists, the reports and the Jira sync (a ticket it has is left as it is), stays
     * in the history, and a re-import of the same text does not bring it back. 409 when it is dismissed already.
     */
    @Operation(operationId = "dismissAction", summary = "Dismiss a follow-up that is none",
            description = "With a `reason`: it leaves the lists, the reports and the Jira sync, and a re-import does "
                    + "not bring it back. 409 when it is dismissed already.")
    @FollowUpWithEtag
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedMediaType
    @Secured(Roles.EDITOR)
    @Post("/{id}/dismiss")
    HttpResponse<ActionItemResponse> dismiss(long id, @Body @Nullable DismissRequest request,
                                             Authentication authentication) {
        String reason = request == null ? null : request.checkedReason();
        return withEtag(actions.dismiss(id, reason, Caller.of(authentication)));
    }

    /**
     * Undoes a dismissal: the follow-up is back in the lists, the reports and the Jira sync. 409 when it is not
     * dismissed.
     */
    @Operation(operationId = "restoreAction", summary = "Undo a follow-up's dismissal",
            description = "The follow-up is back in the lists, the reports and the Jira sync. 409 when it is not "
                    + "dismissed.")
    @FollowUpWithEtag
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Secured(Roles.EDITOR)
    @Post("/{id}/restore")
    HttpResponse<ActionItemResponse> restore(long id, Authentication authentication) {
        return withEtag(actions.restore(id, Caller.of(authentication)));
    }

    /** Every change to the follow-up, its creation first. */
    @Operation(operationId = "listActionHistory", summary = "A follow-up's history",
            description = "Every change to the follow-up, its creation first, a page at a time.")
    @ProblemResponses.NotFound
    @Get("/{id}/history")
    Page<ActionHistoryEntry> history(long id, @QueryValue @Nullable Integer limit, @QueryValue @Nullable String cursor,
                                     Authentication authentication) {
        int pageSize = Cursor.limit(limit);
        return Page.of(actions.history(id, Cursor.decode(cursor), pageSize + 1, Caller.of(authentication)), pageSize,
                ActionEvent::id, ActionHistoryEntry::of);
    }

    /**
     * The id of the team {@code key} names, for a follow-up handed to it. A scoped token may not hand one
     * to another team, and is told so alike for a team that exists and one that does not.
     */
    private @Nullable Long handedTo(@Nullable String key, Caller caller) {
        if (key == null) {
            return null;
        }
        Optional<Long> team = teamKeys.idOf(key);
        if (caller.teamId() != null && !team.equals(Optional.of(caller.teamId()))) {
            throw new ActionOutOfReachException("team: a team-scoped token may not hand a follow-up to another team");
        }
        return team.orElseThrow(() -> InvalidRequest.of("team", "no team with key '" + key + "'"));
    }

    private static long expectedVersion(long id, @Nullable String ifMatch, @Nullable Long bodyVersion) {
        Long headerVersion;
        try {
            headerVersion = ActionVersion.fromIfMatch(ifMatch, id);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (headerVersion == null && bodyVersion == null) {
            throw new HttpStatusException(HttpStatus.PRECONDITION_REQUIRED, "If-Match: required, or \"version\" "
                    + "in the body: send the ETag (or version) of the action as you last read it");
        }
        if (headerVersion != null && bodyVersion != null && !headerVersion.equals(bodyVersion)) {
            throw InvalidRequest.of("version", "the body says " + bodyVersion + " but If-Match says " + headerVersion);
        }
        return headerVersion != null ? headerVersion : bodyVersion;
    }

    private HttpResponse<ActionItemResponse> withEtag(ActionItem action) {
        return HttpResponse.ok(views.of(action)).header(HttpHeaders.ETAG, ActionVersion.etag(action));
    }
}
