package dev.closeout.postmortem.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The labelled documents of one folder (not its sub-folders), in the order of their labels' names, which is the
 * order the corpus's validation part counts in; and the files that could not be paired.
 *
 * @param documents       every NAME.json with a document of the same name beside it
 * @param withoutLabel    postmortem-looking files with no NAME.json
 * @param withoutDocument NAME.json files with no document
 */
public record LabelledFolder(List<LabelledDocument> documents, List<Path> withoutLabel, List<Path> withoutDocument) {

    /** What postmortems are written in, in the order a label's document is looked for when several exist. */
    public static final List<String> DOCUMENT_EXTENSIONS = List.of("md", "markdown", "txt", "html", "htm", "rst");

    /**
     * Reads the folder's listing (not the labels: {@link LabelledDocument#readLabel()} does).
     *
     * @throws IOException with one line naming the folder when it does not exist or is not a folder
     */
    public static LabelledFolder read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException(directory + ": " + (Files.exists(directory) ? "not a directory" : "no such directory"));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        List<LabelledDocument> documents = new ArrayList<>();
        List<Path> withoutDocument = new ArrayList<>();
        for (Path label : files) {
            if (label.getFileName().toString().endsWith(".json")) {
                documentOf(label).ifPresentOrElse(document -> documents.add(new LabelledDocument(document, label)),
                        () -> withoutDocument.add(label));
            }
        }
        Set<Path> paired = documents.stream().map(LabelledDocument::document).collect(Collectors.toSet());
        List<Path> withoutLabel = files.stream().filter(file -> isDocument(file) && !paired.contains(file)).toList();
        return new LabelledFolder(List.copyOf(documents), withoutLabel, List.copyOf(withoutDocument));
    }

    private static Optional<Path> documentOf(Path label) {
        String base = label.getFileName().toString().replaceAll("\\.json$", "");
        return DOCUMENT_EXTENSIONS.stream().map(extension -> label.resolveSibling(base + "." + extension))
                .filter(Files::isRegularFile).findFirst();
    }

    private static boolean isDocument(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && DOCUMENT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
