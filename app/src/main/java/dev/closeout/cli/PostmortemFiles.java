package dev.closeout.cli;

import dev.closeout.postmortem.extraction.TextContent;
import dev.closeout.postmortem.extraction.TextDecoding;
import dev.closeout.postmortem.extraction.UnreadableDocumentException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads postmortem files for the command line; {@code -} is standard input. */
final class PostmortemFiles {

    private PostmortemFiles() {
    }

    /** Larger than any real postmortem; refusing it keeps memory bounded and extraction well under a second. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    static boolean isStandardInput(Path file) {
        return file.toString().equals("-");
    }

    /** The file's text, however its bytes read ({@link TextDecoding}): for extracting, which never refuses. */
    static String read(Path file) throws IOException {
        return TextDecoding.decode(bytes(file));
    }

    /**
     * The file's text, for importing: a file that is not text or is empty is refused ({@link TextContent}).
     *
     * @throws UnreadableDocumentException saying why it is no postmortem
     */
    static String readText(Path file) throws IOException, UnreadableDocumentException {
        return TextContent.read(bytes(file));
    }

    private static byte[] bytes(Path file) throws IOException {
        if (isStandardInput(file)) {
            try (InputStream in = System.in) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IOException(tooLarge());
                }
                return bytes;
            }
        }
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(tooLarge());
        }
        return Files.readAllBytes(file);
    }

    private static String tooLarge() {
        return "larger than " + MAX_BYTES / (1024 * 1024) + " MB, the most a postmortem may be";
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }
}
