package dev.closeout.cli;

import dev.closeout.postmortem.evaluation.RootCauseLabels;
import dev.closeout.postmortem.extraction.LabelledRootCause;
import dev.closeout.postmortem.extraction.RootCauseModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "train-root-cause",
        description = {"Train the root-cause model (component and trigger) from a labelled folder (no database).",
                "The engine ships the model trained on the corpus's tuning part: app/src/main/resources/"
                        + "extraction/root-cause-model.txt (docs/extraction.md)."})
class TrainRootCauseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "Folder of labelled postmortems: NAME.json beside NAME.md "
            + "(or .txt, .html, .rst), as in shared/corpus/dev.")
    private Path folder;

    @Option(names = "--summaries", paramLabel = "FILE",
            description = "JSON lines of labelled root-cause summaries (summary, component, trigger).")
    private Path summaries;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the model.")
    private Path out;

    @Option(names = "--without-validation-part",
            description = "Leave out every fifth document and summary (the corpus's validation part).")
    private boolean withoutValidationPart;

    @Option(names = "--words-only", description = "Train on the words alone, without the rules' cue scores.")
    private boolean wordsOnly;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        List<LabelledRootCause> examples = new ArrayList<>();
        try {
            examples.addAll(RootCauseLabels.documents(folder));
            if (summaries != null) {
                examples.addAll(RootCauseLabels.summaries(summaries));
            }
        } catch (IOException e) {
            // one line: the folder or file and what is wrong with it (a malformed label names itself)
            System.err.println("closeout: " + e.getMessage());
            return 2;
        }
        List<LabelledRootCause> training = examples.stream()
                .filter(example -> !withoutValidationPart || !RootCauseLabels.isValidation(example.item()))
                .toList();
        if (training.stream().noneMatch(example -> !example.restated())) {
            System.err.println("closeout: " + folder + ": no labelled postmortem (NAME.json beside NAME.md)");
            return 2;
        }
        RootCauseModel model = RootCauseModel.train(training, !wordsOnly);
        List<String> lines = new ArrayList<>();
        lines.add("# trained by closeout train-root-cause on " + count(training, LabelledRootCause.Kind.DOCUMENT)
                + " documents and " + count(training, LabelledRootCause.Kind.SUMMARY) + " summaries"
                + (withoutValidationPart ? " (validation part left out)" : ""));
        lines.addAll(model.lines());
        try {
            Files.write(out, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("closeout: cannot write " + out + ": " + e.getMessage());
            return 2;
        }
        System.out.println("wrote " + out + " (" + lines.size() + " lines)");
        return 0;
    }

    private static long count(List<LabelledRootCause> examples, LabelledRootCause.Kind kind) {
        return examples.stream().filter(example -> !example.restated() && example.kind() == kind).count();
    }
}
