package dev.closeout.demo;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import dev.closeout.postmortem.Postmortem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.POSTMORTEM;

/**
 * Fills the configured database with a realistic history ({@code closeout demo-data}, docs/benchmarks.md):
 * teams with services, postmortems spread over the years before the end date (more in later years, as a
 * company grows), their follow-ups and every change since. Written in chunks of {@link #CHUNK}
 * postmortems, one transaction each. The same {@link DemoSettings} give the same rows.
 */
@Singleton
public class DemoData {

    /** Postmortems per transaction: about 5,000 follow-ups and 15,000 events. */
    static final int CHUNK = 500;
    /** Chunks written at once while the next are made: the database and the generator both keep busy. */
    static final int WRITERS = Integer.getInteger("demo.writers", 2);

    private final DSLContext dsl;
    private final TransactionOperations<Connection> transactions;

    DemoData(DSLContext dsl, TransactionOperations<Connection> transactions) {
        this.dsl = dsl;
        this.transactions = transactions;
    }

    /** What a run wrote and how long it took. */
    public record Summary(int teams, long postmortems, long actions, long events, long statements, Duration took) {

        public long rows() {
            return postmortems + actions + events;
        }

        public long rowsPerSecond() {
            return took.isZero() ? rows() : Math.round(rows() * 1000.0 / Math.max(1, took.toMillis()));
        }
    }

    /** Progress after each chunk, for a person watching. */
    public record Progress(long postmortems, long total, long actions, long events, Duration elapsed) {
    }

    /** Thrown when the database already holds postmortems and the settings do not say to append. */
    public static final class NotEmptyException extends RuntimeException {
        NotEmptyException(long postmortems) {
            super("the database already holds " + postmortems + " postmortems; add --append to add to them");
        }
    }

    public Summary generate(DemoSettings settings, Consumer<Progress> progress) {
        long started = System.nanoTime();
        long existing = transactions.executeRead(status -> dsl.fetchCount(POSTMORTEM));
        if (existing > 0 && !settings.append()) {
            throw new NotEmptyException(existing);
        }
        LocalDateTime end = settings.until().atStartOfDay();
        LocalDateTime from = end.minusYears(settings.years());
        DemoWorld world = DemoWorld.of(settings.teams(), settings.seed());
        DemoWriter writer = new DemoWriter(dsl);
        Map<String, Long> teamIds = transactions.executeWrite(status -> writer.teams(world.teams(),
                from.minusDays(30)));
        Map<Long, String> teamKeys = teamIds.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        DemoIncidents incidents = new DemoIncidents(world, teamIds, teamKeys, end);
        LocalDateTime[] starts = incidentStarts(settings, from, end);

        long actions = 0;
        long events = 0;
        ChunkWriters writers = new ChunkWriters(transactions, writer, WRITERS);
        for (int chunkStart = 0; chunkStart < starts.length; chunkStart += CHUNK) {
            long firstEvent = events;
            List<DemoIncidents.Incident> chunk = new ArrayList<>(CHUNK);
            for (int index = chunkStart; index < Math.min(starts.length, chunkStart + CHUNK); index++) {
                SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + index);
                DemoIncidents.Incident incident = incidents.make(random, existing + index + 1, index, actions,
                        starts[index]);
                actions += incident.followUps().size();
                events += incident.followUps().stream().mapToLong(followUp -> followUp.events().size()).sum();
                chunk.add(incident);
            }
            Progress done = new Progress(Math.min(starts.length, chunkStart + CHUNK), starts.length, actions, events,
                    Duration.ZERO);
            writers.submit(chunk, firstEvent, () -> progress.accept(new Progress(done.postmortems(), done.total(),
                    done.actions(), done.events(), Duration.ofNanos(System.nanoTime() - started))));
        }
        writers.finish();
        return new Summary(world.teams().size(), starts.length, actions, events, writer.statements(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Writes the postmortems of {@code settings} as markdown files under {@code directory} (one folder per
     * service) instead of into the database: realistic documents for timing imports. Answers how many.
     */
    public static int writeFiles(DemoSettings settings, Path directory) throws IOException {
        LocalDateTime end = settings.until().atStartOfDay();
        LocalDateTime from = end.minusYears(settings.years());
        DemoWorld world = DemoWorld.of(settings.teams(), settings.seed());
        // the files carry no team ids: the teams are whatever the importing database holds
        Map<String, Long> teamIds = new HashMap<>();
        world.teams().forEach(team -> teamIds.put(team.key(), (long) teamIds.size() + 1));
        Map<Long, String> teamKeys = teamIds.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        DemoIncidents incidents = new DemoIncidents(world, teamIds, teamKeys, end);
        LocalDateTime[] starts = incidentStarts(settings, from, end);
        for (int index = 0; index < starts.length; index++) {
            SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + index);
            Postmortem postmortem = incidents.make(random, index + 1, index, 0, starts[index]).postmortem();
            Path file = directory.resolve(postmortem.sourceRef().substring("demo/".length()));
            Files.createDirectories(file.getParent());
            Files.writeString(file, postmortem.originalText());
        }
        return starts.length;
    }

    /**
     * When each incident started, in time order so ids grow with time as they do in use: whole seconds
     * between {@code from} and two days before {@code end}, more often in later years (the density rises
     * linearly to twice its first value).
     */
    private static LocalDateTime[] incidentStarts(DemoSettings settings, LocalDateTime from, LocalDateTime end) {
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
        long span = Duration.between(from, end.minusDays(2)).toSeconds();
        LocalDateTime[] starts = new LocalDateTime[settings.postmortems()];
        for (int index = 0; index < starts.length; index++) {
            // inverse of the CDF of a density growing as 1 + u on [0, 1)
            double share = Math.sqrt(1 + 3 * random.nextDouble()) - 1;
            starts[index] = from.plusSeconds((long) (share * span));
        }
        Arrays.sort(starts);
        return starts;
    }
}
