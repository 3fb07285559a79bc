package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

/**
 * Why a document is not read as a postmortem: it is not text (an image, a PDF, an archive, a program), or it holds
 * no text at all. Read anyway, such a file became a postmortem titled with its first bytes ("戀湩") and skewed the
 * reports; every import refuses it instead ({@link TextContent}).
 */
public final class UnreadableDocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final @Nullable String detectedType;

    private UnreadableDocumentException(String message, @Nullable String detectedType) {
        super(message);
        this.detectedType = detectedType;
    }

    /** A document that is not text, detected as {@code detectedType} ("application/pdf", "image/png"). */
    static UnreadableDocumentException notText(String detectedType) {
        return new UnreadableDocumentException("not text but " + detectedType
                + "; send the postmortem as markdown, plain text or HTML", detectedType);
    }

    static UnreadableDocumentException empty() {
        return new UnreadableDocumentException("empty; send the postmortem", null);
    }

    /** The media type detected for a document that is not text; null for an empty one. */
    public @Nullable String detectedType() {
        return detectedType;
    }

    /** Whether the document is empty or whitespace only (else it is not text). */
    public boolean isEmpty() {
        return detectedType == null;
    }
}
