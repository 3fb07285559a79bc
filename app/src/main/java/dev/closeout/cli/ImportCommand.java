package dev.closeout.cli;

import dev.closeout.postmortem.ImportResult;
import dev.closeout.postmortem.PostmortemImporter;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", description = "Import postmortem files into the configured database.")
class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Postmortem files to import.")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        int imported = 0;
        int unchanged = 0;
        int failed = 0;
        try (ApplicationContext context = ApplicationContext.builder().banner(false).start()) {
            PostmortemImporter importer = context.getBean(PostmortemImporter.class);
            for (Path file : files) {
                String text;
                try {
                    text = PostmortemFiles.read(file);
                } catch (IOException e) {
                    err.println("closeout: cannot read " + file + ": " + PostmortemFiles.describe(e));
                    failed++;
                    continue;
                }
                ImportResult result = importer.importText(file.toString(), text, "cli");
                if (result.created()) {
                    imported++;
                    out.printf("imported  %s -> postmortem %d, %d actions%n",
                            file, result.postmortem().id(), result.actions().size());
                } else {
                    unchanged++;
                    out.printf("unchanged %s (already postmortem %d)%n", file, result.postmortem().id());
                }
            }
        }
        out.printf("%d imported, %d unchanged, %d failed%n", imported, unchanged, failed);
        return failed == 0 ? 0 : 2;
    }
}
