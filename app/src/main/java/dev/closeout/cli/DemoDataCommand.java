package dev.closeout.cli;

import dev.closeout.demo.DemoData;
import dev.closeout.demo.DemoSettings;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "demo-data",
        description = {"Fill the configured database with a realistic history: teams with services, postmortems "
                + "over the past years with recurring root causes, their follow-ups and every change since.",
                "Refuses a database that already holds postmortems unless --append. The same options (and --until) "
                        + "make the same data. Exit code 0 when written, 2 when refused."})
class DemoDataCommand implements Callable<Integer> {

    @Option(names = "--postmortems", required = true, paramLabel = "N",
            description = "How many postmortems (about 10 follow-ups each); 0 makes only the teams.")
    private int postmortems;

    @Option(names = "--teams", paramLabel = "N", defaultValue = "50", description = "How many teams (default 50).")
    private int teams;

    @Option(names = "--years", paramLabel = "N", defaultValue = "3",
            description = "How many years of history before --until (default 3).")
    private int years;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The random seed (default 1).")
    private long seed;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD",
            description = "The day the history ends, not included (default today, UTC).")
    private LocalDate until;

    @Option(names = "--append", description = "Add to a database that already holds postmortems.")
    private boolean append;

    @Option(names = "--files", paramLabel = "DIR",
            description = "Write the postmortems as markdown files under DIR instead (for timing imports).")
    private Path files;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        DemoSettings settings;
        try {
            settings = new DemoSettings(postmortems, teams, years, seed,
                    until != null ? until : LocalDate.now(Clock.systemUTC()), append);
        } catch (IllegalArgumentException e) {
            err.println("closeout: " + e.getMessage());
            return 2;
        }
        if (files != null) {
            try {
                int written = DemoData.writeFiles(settings, files);
                System.out.printf("%,d postmortems written under %s%n", written, files);
                return 0;
            } catch (IOException e) {
                err.println("closeout: --files: " + e.getMessage());
                return 2;
            }
        }
        try (ApplicationContext context = CommandContext.start()) {
            DemoData.Summary summary = context.getBean(DemoData.class).generate(settings, progress ->
                    err.printf("%,d/%,d postmortems, %,d follow-ups, %,d events, %d s%n", progress.postmortems(),
                            progress.total(), progress.actions(), progress.events(), progress.elapsed().toSeconds()));
            System.out.printf("%d teams, %,d postmortems, %,d follow-ups, %,d events: %,d rows in %.1f s "
                            + "(%,d rows/s, %,d multi-row statements)%n", summary.teams(), summary.postmortems(),
                    summary.actions(), summary.events(), summary.rows(), summary.took().toMillis() / 1000.0,
                    summary.rowsPerSecond(), summary.statements());
            return 0;
        } catch (DemoData.NotEmptyException e) {
            err.println("closeout: " + e.getMessage());
            return 2;
        }
    }
}
