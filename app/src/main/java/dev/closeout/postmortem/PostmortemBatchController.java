package dev.closeout.postmortem;

import dev.closeout.postmortem.extraction.TextContent;
import dev.closeout.postmortem.extraction.UnreadableDocumentException;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
// any operation answers 400 to a query parameter it does not take (UnknownQueryParameterFilter)
@ProblemResponses.BadRequest
class PostmortemBatchController {

    private final BatchImport batch;

    PostmortemBatchController(BatchImport batch) {
        this.batch = batch;
    }

    /** A JSON array of {@code {"source", "text"}}. */
    @BatchImportOperation
    @Post(consumes = MediaType.APPLICATION_JSON)
    BatchResult importJson(@Body @Nullable List<BatchItem> items, Authentication authentication) {
        if (items == null) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "body: send a JSON array of {source, text}");
        }
        Caller caller = Caller.of(authentication);
        return batch.importAll(items, caller.actor(), caller.teamId());
    }

    /**
     * One file part per postmortem; the part's file name is its source. A file that is not text or is empty fails
     * alone, its type named as the single import names it; the others are imported.
     */
    @BatchImportOperation
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    BatchResult importFiles(@Body MultipartBody body, Authentication authentication) {
        List<CompletedPart> parts = Flux.from(body).collectList().block();
        if (parts == null || parts.isEmpty()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "files: send one file part per postmortem");
        }
        batch.checkSize(parts.size());
        List<BatchItem> readable = new ArrayList<>();
        // per part in the order sent: its refusal, or null for an item handed to the batch
        List<BatchResult.Item> refused = new ArrayList<>();
        for (CompletedPart part : parts) {
            try {
                readable.add(item(part));
                refused.add(null);
            } catch (UnreadableDocumentException e) {
                refused.add(BatchResult.Item.failed(name(part), "file: " + e.getMessage()));
            }
        }
        Caller caller = Caller.of(authentication);
        BatchResult imported = batch.importAll(readable, caller.actor(), caller.teamId());
        List<BatchResult.Item> results = new ArrayList<>(parts.size());
        int next = 0;
        for (BatchResult.Item refusal : refused) {
            results.add(refusal != null ? refusal : imported.items().get(next++));
        }
        return BatchResult.of(results);
    }

    private static BatchItem item(CompletedPart part) throws UnreadableDocumentException {
        if (!(part instanceof CompletedFileUpload file)) {
            // a form field instead of a file: reported as that item's failure (no text)
            return new BatchItem(part.getName(), null);
        }
        return new BatchItem(name(part), TextContent.read(bytes(file)));
    }

    private static String name(CompletedPart part) {
        return part instanceof CompletedFileUpload file && file.getFilename() != null && !file.getFilename().isBlank()
                ? file.getFilename() : part.getName();
    }

    private static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
