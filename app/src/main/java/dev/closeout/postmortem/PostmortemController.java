package dev.closeout.postmortem;

import dev.closeout.action.ActionItemRepository;
import dev.closeout.action.ActionViews;
import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.web.Cursor;
import dev.closeout.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.validation.Valid;

import java.net.URI;

@Controller("/api/postmortems")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
class PostmortemController {

    static final String TEXT_MARKDOWN = "text/markdown";

    private final PostmortemImporter importer;
    private final PostmortemRepository postmortems;
    private final ActionItemRepository actions;
    private final PostmortemQueries queries;
    private final ActionViews actionViews;
    private final PostmortemCorrections corrections;

    PostmortemController(PostmortemImporter importer, PostmortemRepository postmortems,
                         ActionItemRepository actions, PostmortemQueries queries, ActionViews actionViews,
                         PostmortemCorrections corrections) {
        this.importer = importer;
        this.postmortems = postmortems;
        this.actions = actions;
        this.queries = queries;
        this.actionViews = actionViews;
        this.corrections = corrections;
    }

    /**
     * Imports a postmortem sent as the body itself; {@code ?source=} says where it comes from. A changed
     * text from a source imported before updates that source's postmortem.
     */
    @Secured(Roles.EDITOR)
    @Post(consumes = {TEXT_MARKDOWN, MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    HttpResponse<ImportResponse> importText(@Body @Nullable String text, @QueryValue @Nullable String source,
                                            Authentication authentication) {
        if (text == null || text.isBlank()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "text: the body is empty; send the postmortem");
        }
        return answer(importer.importText(source, text, Caller.of(authentication).actor()));
    }

    @Secured(Roles.EDITOR)
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<ImportResponse> importJson(@Body @Valid ImportPostmortemRequest request,
                                            Authentication authentication) {
        return answer(importer.importText(request.source(), request.text(), Caller.of(authentication).actor()));
    }

    /** Newest first; {@code from}/{@code to} are incident start dates (YYYY-MM-DD), both included. */
    @Get
    Page<PostmortemSummary> list(@QueryValue @Nullable String q, @QueryValue @Nullable String service,
                                 @QueryValue @Nullable String component, @QueryValue @Nullable String trigger,
                                 @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                 @QueryValue @Nullable Integer limit, @QueryValue @Nullable String cursor) {
        PostmortemFilter filter = PostmortemFilter.of(q, service, component, trigger, from, to);
        int pageSize = Cursor.limit(limit);
        return Page.of(queries.find(filter, Cursor.decode(cursor), pageSize + 1), pageSize, PostmortemSummary::id,
                summary -> summary);
    }

    /** A person corrects extracted facts; what they correct, re-imports of the source leave alone. */
    @Secured(Roles.EDITOR)
    @Patch(value = "/{id}", consumes = MediaType.APPLICATION_JSON)
    PostmortemResponse correct(long id, @Body @Nullable JsonNode body) {
        Postmortem corrected = corrections.correct(id, PostmortemCorrection.parse(body));
        return PostmortemResponse.of(corrected, actionViews.of(actions.findByPostmortemIdOrderByPosition(id)));
    }

    @Get("/{id}")
    @ReadOnly
    PostmortemResponse get(long id) {
        Postmortem postmortem = postmortems.findById(id).orElseThrow(() ->
                new HttpStatusException(HttpStatus.NOT_FOUND, "no postmortem with id " + id));
        return PostmortemResponse.of(postmortem, actionViews.of(actions.findByPostmortemIdOrderByPosition(id)));
    }

    /** 201 for a new postmortem; 200 for an unchanged text or a re-import, which says what it changed. */
    private HttpResponse<ImportResponse> answer(ImportResult result) {
        ImportResponse body = new ImportResponse(
                PostmortemResponse.of(result.postmortem(), actionViews.of(result.actions())), result.reimport());
        if (!result.created()) {
            return HttpResponse.ok(body);
        }
        return HttpResponse.<ImportResponse>created(body)
                .headers(headers -> headers.location(URI.create("/api/postmortems/" + result.postmortem().id())));
    }
}
