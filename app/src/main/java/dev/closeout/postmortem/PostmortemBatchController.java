package dev.closeout.postmortem;

import dev.closeout.postmortem.extraction.TextDecoding;
import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.security.TeamScoped;
import dev.closeout.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code POST /api/postmortems/batch}: many postmortems in one request, for scripts. A team-scoped token's
 * item that another team's source or service refuses fails alone (see {@link PostmortemImporter}).
 */
@Controller("/api/postmortems/batch")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.EDITOR)
@TeamScoped
@Tag(name = "postmortems")
class PostmortemBatchController {

    private final BatchImport batch;

    PostmortemBatchController(BatchImport batch) {
        this.batch = batch;
    }

    /** A JSON array of {@code {"source", "text"}}. */
    @Operation(operationId = "importPostmortemBatch", summary = "Import many postmortems in one request",
            description = "A JSON array of `{source, text}`, or one multipart file part per postmortem (its file "
                    + "name is the source). Each item succeeds or fails alone: 200 with a result per item. 413 past "
                    + "closeout.import.batch-limit items.")
    @ProblemResponses.BadRequest
    @ProblemResponses.Unauthenticated
    @ProblemResponses.Forbidden
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedMediaType
    @ProblemResponses.Unavailable
    @Post(consumes = MediaType.APPLICATION_JSON)
    BatchResult importJson(@Body @Nullable List<BatchItem> items, Authentication authentication) {
        if (items == null) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "body: send a JSON array of {source, text}");
        }
        Caller caller = Caller.of(authentication);
        return batch.importAll(items, caller.actor(), caller.teamId());
    }

    /** One file part per postmortem; the part's file name is its source. */
    @Operation(operationId = "importPostmortemBatch", summary = "Import many postmortems in one request",
            description = "A JSON array of `{source, text}`, or one multipart file part per postmortem (its file "
                    + "name is the source). Each item succeeds or fails alone: 200 with a result per item. 413 past "
                    + "closeout.import.batch-limit items.")
    @ProblemResponses.BadRequest
    @ProblemResponses.Unauthenticated
    @ProblemResponses.Forbidden
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedMediaType
    @ProblemResponses.Unavailable
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    BatchResult importFiles(@Body MultipartBody body, Authentication authentication) {
        List<CompletedPart> parts = Flux.from(body).collectList().block();
        List<BatchItem> items = parts == null ? List.of() : parts.stream().map(PostmortemBatchController::item)
                .toList();
        if (items.isEmpty()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "files: send one file part per postmortem");
        }
        Caller caller = Caller.of(authentication);
        return batch.importAll(items, caller.actor(), caller.teamId());
    }

    private static BatchItem item(CompletedPart part) {
        if (!(part instanceof CompletedFileUpload file)) {
            // a form field instead of a file: reported as that item's failure (no text)
            return new BatchItem(part.getName(), null);
        }
        try {
            String name = file.getFilename() == null || file.getFilename().isBlank() ? part.getName()
                    : file.getFilename();
            return new BatchItem(name, TextDecoding.decode(file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
