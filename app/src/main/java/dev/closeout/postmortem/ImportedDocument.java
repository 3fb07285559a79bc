package dev.closeout.postmortem;

import dev.closeout.postmortem.extraction.TextContent;
import dev.closeout.postmortem.extraction.UnreadableDocumentException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/**
 * What the import routes do with a document that is no postmortem ({@link TextContent}): refuse it before anything is
 * stored, 415 naming the type detected ("text: not text but application/pdf; ...") or 422 for an empty one, as
 * problem+json naming the field.
 */
public final class ImportedDocument {

    private ImportedDocument() {
    }

    /** {@code text} decoded by the HTTP layer; refused as {@code field} when it is not text or empty. */
    public static String check(String field, @Nullable String text) {
        try {
            return TextContent.check(text);
        } catch (UnreadableDocumentException e) {
            throw refusal(field, e);
        }
    }

    /** 422 for an empty document, 415 for one that is not text; the detail starts with {@code field}. */
    private static HttpStatusException refusal(String field, UnreadableDocumentException e) {
        return new HttpStatusException(status(e), field + ": " + e.getMessage());
    }

    /** 422 for an empty document, 415 for one that is not text. */
    public static HttpStatus status(UnreadableDocumentException e) {
        return e.isEmpty() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    }
}
