package dev.closeout.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.closeout.postmortem.extraction.ExtractedAction;
import dev.closeout.postmortem.extraction.Extraction;
import dev.closeout.postmortem.extraction.PostmortemExtractor;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "extract", description = "Print what would be extracted from postmortem files (no database).")
class ExtractCommand implements Callable<Integer> {

    enum Format { json, text }

    @Option(names = "--format", defaultValue = "json", description = "json or text (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Postmortem files; - reads standard input.")
    private List<Path> files;

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ExtractedFile(String file, @JsonUnwrapped Extraction extraction) {
    }

    @Override
    public Integer call() throws IOException {
        PostmortemExtractor extractor = new PostmortemExtractor();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<ExtractedFile> results = new ArrayList<>();
        boolean failed = false;
        for (Path file : files) {
            try {
                results.add(new ExtractedFile(file.toString(), extractor.extract(PostmortemFiles.read(file))));
            } catch (IOException e) {
                System.err.println("closeout: cannot read " + file + ": " + PostmortemFiles.describe(e));
                failed = true;
            }
        }
        if (format == Format.json) {
            out.println(new String(JsonMapper.createDefault().writeValueAsBytes(results), StandardCharsets.UTF_8));
        } else {
            results.forEach(result -> printText(out, result));
        }
        return failed ? 2 : 0;
    }

    /** A summary for people: the incident's facts, then the actions by group with owners and dues aligned. */
    private static void printText(PrintStream out, ExtractedFile result) {
        Extraction extraction = result.extraction();
        out.println("== " + result.file());
        out.println("title:      " + orDash(extraction.title()));
        out.println("service:    " + orDash(extraction.service()));
        out.println("incident:   " + orDash(extraction.incident().start()) + " .. " + orDash(extraction.incident().end())
                + (extraction.incident().durationMinutes() == null ? ""
                : " (" + extraction.incident().durationMinutes() + " min)"));
        out.println("impact:     " + (extraction.impactPercent() == null ? "-" : extraction.impactPercent() + "%"));
        out.println("root cause: " + orDash(extraction.rootCause().component()) + " / "
                + orDash(extraction.rootCause().trigger()) + " - " + orDash(extraction.rootCause().summary()));
        List<ExtractedAction> actions = extraction.actions();
        out.println(actions.size() + (actions.size() == 1 ? " action" : " actions"));
        int ownerWidth = Math.max(5, actions.stream().mapToInt(action -> orDash(action.owner()).length()).max().orElse(0));
        String group = null;
        for (ExtractedAction action : actions) {
            if (!java.util.Objects.equals(action.group(), group)) {
                group = action.group();
                out.println("  " + orDash(group));
            }
            out.printf("    %-12s %-" + ownerWidth + "s %-10s %s%n", orDash(action.kind()), orDash(action.owner()),
                    action.due() == null ? "-" : action.due(), action.text());
        }
        out.println();
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
