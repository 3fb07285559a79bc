package dev.closeout.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files an import takes from its arguments: a file as named, whatever it is called; a directory's
 * postmortem-looking files, recursively, in name order, skipping hidden files and directories.
 */
final class PostmortemPaths {

    /** What postmortems are written in: markdown, plain text, HTML. */
    static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt", "html", "htm");

    /** A file to import, or {@code problem} when the argument could not be listed. */
    record Found(Path path, String problem) {
    }

    private PostmortemPaths() {
    }

    static List<Found> collect(List<Path> arguments) {
        List<Found> found = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.isDirectory(argument)) {
                found.add(new Found(argument, null));
                continue;
            }
            try {
                List<Path> postmortems = postmortemsIn(argument);
                if (postmortems.isEmpty()) {
                    found.add(new Found(argument, "no postmortem files (" + EXTENSIONS.stream().sorted()
                            .map(extension -> "." + extension).collect(Collectors.joining(", ")) + ") in it"));
                }
                postmortems.forEach(file -> found.add(new Found(file, null)));
            } catch (IOException | RuntimeException e) {
                found.add(new Found(argument, "cannot list the directory: " + e.getMessage()));
            }
        }
        return found;
    }

    /** A directory's postmortem-looking files, recursively, in name order, named under {@code directory}. */
    private static List<Path> postmortemsIn(Path directory) throws IOException {
        // a walk does not enter the link it starts from: a directory named through a link is walked where it is,
        // its files named under the link as the user gave it
        Path start = Files.isSymbolicLink(directory) ? directory.toRealPath() : directory;
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> directory.resolve(start.relativize(file)))
                    .filter(file -> looksLikePostmortem(file) && !hidden(directory.relativize(file)))
                    .sorted()
                    .toList();
        }
    }

    static boolean looksLikePostmortem(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
