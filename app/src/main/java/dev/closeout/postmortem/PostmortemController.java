package dev.closeout.postmortem;

import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionItemRepository;
import dev.closeout.action.ActionItemResponse;
import dev.closeout.action.ActionViews;
import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.security.TeamScoped;
import dev.closeout.web.Cursor;
import dev.closeout.web.Page;
import dev.closeout.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;

@Controller("/api/postmortems")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
@TeamScoped
@Tag(name = "postmortems")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthenticated
@ProblemResponses.Unavailable
class PostmortemController {

    static final String TEXT_MARKDOWN = "text/markdown";

    private final PostmortemImporter importer;
    private final PostmortemRepository postmortems;
    private final ActionItemRepository actions;
    private final PostmortemQueries queries;
    private final ActionViews actionViews;
    private final PostmortemCorrections corrections;
    private final PostmortemScope scope;
    private final MissedActions missedActions;

    PostmortemController(PostmortemImporter importer, PostmortemRepository postmortems,
                         ActionItemRepository actions, PostmortemQueries queries, ActionViews actionViews,
                         PostmortemCorrections corrections, PostmortemScope scope, MissedActions missedActions) {
        this.importer = importer;
        this.postmortems = postmortems;
        this.actions = actions;
        this.queries = queries;
        this.actionViews = actionViews;
        this.corrections = corrections;
        this.scope = scope;
        this.missedActions = missedActions;
    }

    /**
     * Imports a postmortem sent as the body itself; {@code ?source=} says where it comes from. A changed
     * text from a source imported before updates that source's postmortem. A team-scoped token imports
     * postmortems of its team's services (or of services no team owns, which become its team's) and
     * re-imports its team's sources; anything else is refused (403) and changes nothing.
     */
    @ImportOperation
    @Secured(Roles.EDITOR)
    @Post(consumes = {TEXT_MARKDOWN, MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    HttpResponse<ImportResponse> importText(@Body @Nullable String text, @QueryValue @Nullable String source,
                                            Authentication authentication) {
        String postmortem = ImportedDocument.check("text", text);
        Caller caller = Caller.of(authentication);
        return answer(importer.importText(source, postmortem, caller.actor(), caller.teamId()));
    }

    @ImportOperation
    @Secured(Roles.EDITOR)
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<ImportResponse> importJson(@Body @Valid ImportPostmortemRequest request,
                                            Authentication authentication) {
        String postmortem = ImportedDocument.check("text", request.text());
        Caller caller = Caller.of(authentication);
        return answer(importer.importText(request.source(), postmortem, caller.actor(), caller.teamId()));
    }

    /**
     * Newest first; {@code from}/{@code to} are incident start dates (YYYY-MM-DD), both included. A
     * team-scoped token gets its team's postmortems, each counting its team's follow-ups.
     */
    @Operation(operationId = "listPostmortems", summary = "List and search postmortems",
            description = "Newest first, a page at a time; `q` searches the text, `from`/`to` are incident start "
                    + "dates (YYYY-MM-DD, both included). A team-scoped token gets its team's postmortems.")
    @Get
    Page<PostmortemSummary> list(@QueryValue @Nullable String q, @QueryValue @Nullable String service,
                                 @QueryValue @Nullable String component, @QueryValue @Nullable String trigger,
                                 @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                 @QueryValue @Nullable Integer limit, @QueryValue @Nullable String cursor,
                                 Authentication authentication) {
        PostmortemFilter filter = PostmortemFilter.of(q, service, component, trigger, from, to);
        int pageSize = Cursor.limit(limit);
        return Page.of(queries.find(filter, Cursor.decode(cursor), pageSize + 1, Caller.of(authentication).teamId()),
                pageSize, PostmortemSummary::id, summary -> summary);
    }

    /**
     * A person corrects extracted facts; what they correct, re-imports of the source leave alone. A
     * team-scoped token corrects its team's postmortems only, and gives none another team's service.
     */
    @Operation(operationId = "correctPostmortem", summary = "Correct a postmortem's extracted facts",
            description = "What a person corrects, re-imports of the source leave alone. A team-scoped token "
                    + "corrects its team's postmortems only, and gives none another team's service (403).")
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedMediaType
    @Secured(Roles.EDITOR)
    @Patch(value = "/{id}", consumes = MediaType.APPLICATION_JSON)
    PostmortemResponse correct(long id, @Body @Nullable JsonNode body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Postmortem corrected = corrections.correct(id, PostmortemCorrection.parse(body), caller.teamId());
        return PostmortemResponse.of(corrected, actionViews.of(followUps(id, caller)));
    }

    /** The postmortem with the follow-ups the caller reaches; another team's postmortem is not found. */
    @Operation(operationId = "getPostmortem", summary = "Get a postmortem with its follow-ups")
    @ProblemResponses.NotFound
    @Get("/{id}")
    @ReadOnly
    PostmortemResponse get(long id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Postmortem postmortem = postmortems.findById(id).orElseThrow(() -> PostmortemScope.notFound(id));
        scope.requireVisible(caller.teamId(), postmortem);
        return PostmortemResponse.of(postmortem, actionViews.of(followUps(id, caller)));
    }

    /**
     * Adds a follow-up the extraction missed: created as an extracted one is (team, default owner, due date by the
     * team's policy, Jira ticket queued), marked {@code "origin": "person"}, and kept by re-imports of the source,
     * which neither flag it removed nor add the text's copy of it again. A team-scoped token adds to its team's
     * postmortems alone, as it corrects them.
     */
    @Operation(operationId = "addPostmortemAction", summary = "Add a follow-up the extraction missed",
            description = "Created as an extracted one is (team, default owner, due date by policy, Jira ticket "
                    + "queued), with `origin: person`; re-imports keep it. 409 when the postmortem already has that "
                    + "follow-up.")
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedMediaType
    @ApiResponse(responseCode = "201", description = "The follow-up added; Location is its URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionItemResponse.class)))
    @Secured(Roles.EDITOR)
    @Post(value = "/{id}/actions", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<ActionItemResponse> addAction(long id, @Body @Nullable CreateActionItemRequest request,
                                               Authentication authentication) {
        ActionItem added = missedActions.add(id, CreateActionItemRequest.draftOf(request), Caller.of(authentication));
        return HttpResponse.created(actionViews.of(added))
                .headers(headers -> headers.location(URI.create("/api/actions/" + added.id())));
    }

    /**
     * The postmortem as it stands after people's corrections, in the label schema of the corpus
     * (shared/corpus/LABELING.md): the facts as corrected, the follow-ups still in the text and not dismissed,
     * people's additions and edits included. A team-scoped token gets its team's follow-ups, as in
     * {@code GET /api/postmortems/{id}}.
     */
    @Operation(operationId = "getPostmortemLabels", summary = "A postmortem as corrected, in the corpus's label schema")
    @ProblemResponses.NotFound
    @Get("/{id}/labels")
    @ReadOnly
    PostmortemLabels labels(long id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Postmortem postmortem = postmortems.findById(id).orElseThrow(() -> PostmortemScope.notFound(id));
        scope.requireVisible(caller.teamId(), postmortem);
        return PostmortemLabels.of(postmortem, followUps(id, caller));
    }

    private List<ActionItem> followUps(long postmortemId, Caller caller) {
        return actions.findByPostmortemIdOrderByPosition(postmortemId).stream()
                .filter(action -> caller.reaches(action.teamId())).toList();
    }

    /** 201 for a new postmortem; 200 for an unchanged text or a re-import, which says what it changed. */
    private HttpResponse<ImportResponse> answer(ImportResult result) {
        ImportResponse body = new ImportResponse(
                PostmortemResponse.of(result.postmortem(), actionViews.of(result.actions(), result.teamKeys())),
                result.reimport());
        if (!result.created()) {
            return HttpResponse.ok(body);
        }
        return HttpResponse.<ImportResponse>created(body)
                .headers(headers -> headers.location(URI.create("/api/postmortems/" + result.postmortem().id())));
    }
}
