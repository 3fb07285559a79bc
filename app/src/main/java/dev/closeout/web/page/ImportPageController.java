package dev.closeout.web.page;

import dev.closeout.postmortem.ImportResult;
import dev.closeout.postmortem.PostmortemImporter;
import dev.closeout.postmortem.ImportedDocument;
import dev.closeout.postmortem.extraction.TextContent;
import dev.closeout.postmortem.extraction.UnreadableDocumentException;
import dev.closeout.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.closeout.web.page.WeeklyPageController.blankToNull;

/**
 * {@code /import}: an editor imports one postmortem from the browser, pasted or as a file, through the same
 * importer as {@code POST /api/postmortems} (team scope and re-imports as there), and lands on its page
 * (docs/dashboard.md).
 */
@Controller("/import")
@Secured(SecurityRule.IS_ANONYMOUS) // the session is checked here: pages take no bearer tokens
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ImportPageController {

    /** The kinds of file the extractor reads: markdown, plain text and HTML. */
    static final List<String> FILE_TYPES = List.of(".md", ".markdown", ".txt", ".html", ".htm");

    private final PostmortemImporter importer;
    private final Visitors visitors;
    private final Stylesheet stylesheet;
    private final long maxFileBytes;

    ImportPageController(PostmortemImporter importer, Visitors visitors, Stylesheet stylesheet,
                         HttpServerConfiguration server) {
        this.importer = importer;
        this.visitors = visitors;
        this.stylesheet = stylesheet;
        // the server refuses a larger file before it gets here; the form says how large one may be
        this.maxFileBytes = Math.min(server.getMaxRequestSize(), server.getMultipart().getMaxFileSize());
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> form(HttpRequest<?> request) {
        Optional<Visitor> signedIn = visitors.of(request);
        if (signedIn.isEmpty()) {
            return Visitors.toLogin(request);
        }
        if (!canImport(signedIn.get())) {
            return readerRefused(signedIn.get());
        }
        return form(signedIn.get(), ImportForm.EMPTY, HttpStatus.OK, null);
    }

    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> importPostmortem(HttpRequest<?> request, @Part("csrf") @Nullable String csrf,
                                     @Part("source") @Nullable String source, @Part("text") @Nullable String text,
                                     @Part("file") @Nullable CompletedFileUpload file) {
        Optional<Visitor> signedIn = visitors.of(request);
        if (signedIn.isEmpty()) {
            return Visitors.toLogin(request);
        }
        Visitor visitor = signedIn.get();
        if (!visitors.formAllowed(request, visitor, csrf)) {
            return ErrorPage.refusedForm(stylesheet, visitor);
        }
        if (!canImport(visitor)) {
            return readerRefused(visitor);
        }
        ImportForm sent = new ImportForm(blankToNull(source), text);
        boolean hasFile = file != null && file.getFilename() != null && !file.getFilename().isBlank();
        boolean hasText = text != null && !text.isBlank();
        if (hasFile && hasText) {
            return form(visitor, sent, HttpStatus.BAD_REQUEST,
                    "Paste the text or choose a file, not both; nothing was imported.");
        }
        if (!hasFile && !hasText) {
            return form(visitor, sent, HttpStatus.BAD_REQUEST,
                    "text: paste the postmortem or choose a file; nothing was imported.");
        }
        String postmortem = text;
        String sourceRef = sent.source();
        if (hasFile) {
            String name = file.getFilename().strip();
            if (FILE_TYPES.stream().noneMatch(name.toLowerCase(Locale.ROOT)::endsWith)) {
                return form(visitor, sent, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file: '" + name + "' is not one of "
                        + String.join(", ", FILE_TYPES) + "; nothing was imported.");
            }
            try {
                postmortem = TextContent.read(bytes(file));
            } catch (UnreadableDocumentException e) {
                // as the API refuses it: 415 naming what the file is, 422 for an empty one
                return form(visitor, sent, ImportedDocument.status(e), "file: '" + name + "' is " + e.getMessage()
                        + "; nothing was imported.");
            }
            // as in a multipart batch, a file's name says where it comes from unless the form says otherwise
            sourceRef = sourceRef == null ? name : sourceRef;
        }
        ImportResult result;
        try {
            // pasted text that is not text (a script posting a binary as the field) is refused as the API refuses it
            postmortem = hasFile ? postmortem : ImportedDocument.check("text", postmortem);
            result = importer.importText(sourceRef, postmortem, visitor.caller().actor(), visitor.caller().teamId());
        } catch (HttpStatusException e) {
            // what the API refuses (another team's source or service): said on the form, the text kept
            return form(visitor, sent, HttpStatus.valueOf(e.getStatus().getCode()),
                    e.getMessage() + "; nothing was imported.");
        }
        return HttpResponse.seeOther(URI.create("/postmortems/" + result.postmortem().id()));
    }

    /** A request larger than the server takes is refused before it is read: the form says so, empty. */
    @Error(ContentLengthExceededException.class)
    HttpResponse<?> tooLarge(HttpRequest<?> request) {
        Optional<Visitor> signedIn = visitors.of(request);
        if (signedIn.isEmpty() || !canImport(signedIn.get())) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        }
        return form(signedIn.get(), ImportForm.EMPTY, HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "file: larger than the " + megabytes(maxFileBytes) + " an import takes; nothing was imported.");
    }

    private HttpResponse<?> form(Visitor visitor, ImportForm sent, HttpStatus status, @Nullable String message) {
        Map<String, Object> model = PageModel.of(stylesheet, visitor);
        model.put("form", sent);
        model.put("accept", String.join(",", FILE_TYPES));
        model.put("fileTypes", String.join(", ", FILE_TYPES));
        model.put("maxFile", megabytes(maxFileBytes));
        if (message != null) {
            model.put("message", message);
        }
        return HttpResponse.status(status).body(new ModelAndView<>("import", model));
    }

    private HttpResponse<?> readerRefused(Visitor visitor) {
        return ErrorPage.of(stylesheet, visitor, HttpStatus.FORBIDDEN,
                "Importing needs an editor's token; a reader's cannot import.");
    }

    /** The API's rule for imports: editors and admins. */
    private static boolean canImport(Visitor visitor) {
        return visitor.caller().role().compareTo(Role.EDITOR) >= 0;
    }

    private static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }
}
