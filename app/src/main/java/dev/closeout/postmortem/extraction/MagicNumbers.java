package dev.closeout.postmortem.extraction;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Names what a document that is not text is, by the magic numbers Apache Tika knows (PDF, PNG, JPEG, GIF, ZIP and
 * the Office formats in it, gzip, ELF, ...). Asked only about a document {@link TextContent} already found not to be
 * text: Tika's magic alone would refuse postmortems, since some formats' signatures are ordinary words ("P1
 * incident" starts a PBM image, "MZ" a Windows program, "ID3" an MP3), and its table takes a second to load, which
 * an import of text never pays.
 */
final class MagicNumbers {

    static final String UNKNOWN_BINARY = "application/octet-stream";

    private MagicNumbers() {
    }

    /** Loaded on the first document that is not text. */
    private static final class Table {
        static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    }

    /**
     * The media type of {@code bytes} ("application/pdf"), without parameters; {@value #UNKNOWN_BINARY} when no
     * signature of a format that is not text matches.
     */
    static String typeOf(byte[] bytes) {
        MediaType type;
        try {
            // Tika reads the head it needs (at most 64 KB) and needs no file name
            type = Table.TYPES.detect(new ByteArrayInputStream(bytes), new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MediaTypeRegistry registry = Table.TYPES.getMediaTypeRegistry();
        if (type == null || isText(registry, type)) {
            // a text format's signature on bytes that are not text: nothing to name
            return UNKNOWN_BINARY;
        }
        // Tika's own names for what a container holds ("x-tika-ooxml" for a .docx) are told as the container
        while (type.getSubtype().startsWith("x-tika-") && registry.getSupertype(type) != null) {
            type = registry.getSupertype(type);
        }
        return type.getBaseType().toString();
    }

    private static boolean isText(MediaTypeRegistry registry, MediaType type) {
        return type.getType().equals("text") || registry.isSpecializationOf(type, MediaType.TEXT_PLAIN);
    }
}
