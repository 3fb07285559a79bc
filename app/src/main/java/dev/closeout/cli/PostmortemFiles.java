package dev.closeout.cli;

import dev.closeout.postmortem.extraction.TextDecoding;

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

    static String read(Path file) throws IOException {
        if (file.toString().equals("-")) {
            try (InputStream in = System.in) {
                return TextDecoding.decode(in.readAllBytes());
            }
        }
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory");
        }
        return TextDecoding.decode(Files.readAllBytes(file));
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
