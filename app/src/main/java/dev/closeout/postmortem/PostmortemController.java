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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
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

    PostmortemController(PostmortemImporter importer, PostmortemRepository postmortems,
                         ActionItemRepository actions, PostmortemQueries queries, ActionViews actionViews) {
        this.importer = importer;
        this.postmortems = postmortems;
        this.actions = actions;
        this.queries = queries;
        this.actionViews = actionViews;
    }

    /** Imports a postmortem sent as the body itself; {@code ?source=} says where it comes from. */
    @Secured(Roles.EDITOR)
    @Post(consumes = {TEXT_MARKDOWN, MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    HttpResponse<PostmortemResponse> importText(@Body @Nullable String text, @QueryValue @Nullable String source,
                                                Authentication authentication) {
        if (text == null || text.isBlank()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "text: the body is empty; send the postmortem");
        }
        return answer(importer.importText(source, text, Caller.of(authentication).actor()));
    }

    @Secured(Roles.EDITOR)
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<PostmortemResponse> importJson(@Body @Valid ImportPostmortemRequest request,
                                                Authentication authentication) {
        return answer(importer.importText(request.source(), request.text(), Caller.of(authentication).actor()));
    }

    @Get
    Page<PostmortemSummary> list(@QueryValue @Nullable Integer limit, @QueryValue @Nullable String cursor) {
        int pageSize = Cursor.limit(limit);
        return Page.of(queries.find(Cursor.decode(cursor), pageSize + 1), pageSize, PostmortemSummary::id,
                summary -> summary);
    }

    @Get("/{id}")
    @ReadOnly
    PostmortemResponse get(long id) {
        Postmortem postmortem = postmortems.findById(id).orElseThrow(() ->
                new HttpStatusException(HttpStatus.NOT_FOUND, "no postmortem with id " + id));
        return PostmortemResponse.of(postmortem, actionViews.of(actions.findByPostmortemIdOrderByPosition(id)));
    }

    private HttpResponse<PostmortemResponse> answer(ImportResult result) {
        PostmortemResponse body = PostmortemResponse.of(result.postmortem(), actionViews.of(result.actions()));
        if (!result.created()) {
            return HttpResponse.ok(body);
        }
        return HttpResponse.<PostmortemResponse>created(body)
                .headers(headers -> headers.location(URI.create("/api/postmortems/" + body.id())));
    }
}
