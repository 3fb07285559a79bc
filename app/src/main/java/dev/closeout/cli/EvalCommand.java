package dev.closeout.cli;

import dev.closeout.postmortem.evaluation.Evaluation;
import dev.closeout.postmortem.evaluation.FieldScore;
import dev.closeout.postmortem.evaluation.LabelledFolder;
import dev.closeout.postmortem.evaluation.Score;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "eval",
        description = {"Score the extraction engine on a folder of labelled postmortems (no database).",
                "Each NAME.md (or .markdown, .txt, .html, .htm, .rst) needs NAME.json beside it in the label format "
                        + "of docs/extraction.md; files without a partner are skipped with a note.",
                "Prints action precision, recall and F1 (actions match at 80%% text similarity) and the share "
                        + "right of every field.",
                "Exit code 0 when the folder was scored, 2 when DIR or a label cannot be read."})
class EvalCommand implements Callable<Integer> {

    @Option(names = {"-v", "--verbose"}, description = "Also print every miss: missed and extra actions, wrong fields.")
    private boolean verbose;

    @Option(names = "--json", description = "Print the scores as one JSON object (with every miss).")
    private boolean json;

    @Parameters(paramLabel = "DIR", description = "The folder of postmortems and their labels (not its sub-folders).")
    private Path directory;

    /** The scores for machines: the same numbers as the text, each field with its counts. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record JsonScore(String directory, int documents, Actions actions, Map<String, Field> fields,
                     List<String> skipped, List<String> mismatches) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Actions(int expected, int extracted, int matched, double precision, double recall, double f1) {
    }

    @Serdeable
    record Field(int correct, int total, double score) {
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = System.err;
        try {
            LabelledFolder folder = LabelledFolder.read(directory);
            List<String> skipped = skipped(folder);
            skipped.forEach(note -> err.println("closeout: skipped " + note));
            if (folder.documents().isEmpty()) {
                err.println("closeout: " + directory + ": no labelled postmortems (NAME.md with NAME.json beside it)");
                return 2;
            }
            Score score = new Evaluation().score(folder.documents());
            if (json) {
                out.println(new String(JsonMapper.createDefault().writeValueAsBytes(toJson(score, skipped)),
                        StandardCharsets.UTF_8));
            } else {
                printText(out, score);
            }
            return 0;
        } catch (IOException e) {
            err.println("closeout: " + e.getMessage());
            return 2;
        }
    }

    private static List<String> skipped(LabelledFolder folder) {
        List<String> notes = new ArrayList<>();
        folder.withoutLabel().forEach(file -> notes.add(file + ": no label "
                + file.getFileName().toString().replaceAll("\\.[^.]*$", ".json") + " beside it"));
        folder.withoutDocument().forEach(label -> notes.add(label + ": no postmortem of that name beside it"));
        return notes;
    }

    private void printText(PrintStream out, Score score) {
        out.println("== " + directory);
        out.print(score.render());
        if (verbose && !score.mismatches().isEmpty()) {
            out.println("misses:");
            score.mismatches().forEach(mismatch -> out.println("  " + mismatch));
        }
    }

    private JsonScore toJson(Score score, List<String> skipped) {
        Map<String, Field> fields = new LinkedHashMap<>();
        score.fields().forEach((name, field) -> fields.put(name, toJson(field)));
        return new JsonScore(directory.toString(), score.documents(),
                new Actions(score.expectedActions(), score.extractedActions(), score.matchedActions(),
                        score.precision(), score.recall(), score.f1()),
                fields, skipped, score.mismatches());
    }

    private static Field toJson(FieldScore field) {
        return new Field(field.correct(), field.total(), field.value());
    }
}
