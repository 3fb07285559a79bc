package dev.closeout.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the recurring-causes report (docs/reports.md, "Recurring causes"): the window's incidents grouped by
 * root cause (component and trigger), the causes seen at least {@code min_incidents} times with their
 * recurrence, the incidents per service and component, and the groups of causes that read alike.
 */
@Singleton
public class RecurringCauses {

    /** Most incidents first; then the cause seen last; then by name, so equal counts keep one order. */
    private static final Comparator<RecurringCausesReport.Cause> CAUSE_ORDER = Comparator
            .comparingInt(RecurringCausesReport.Cause::incidents).reversed()
            .thenComparing(RecurringCausesReport.Cause::lastSeen, Comparator.reverseOrder())
            .thenComparing(RecurringCausesReport.Cause::component)
            .thenComparing(RecurringCausesReport.Cause::trigger);

    private static final String UNKNOWN_TRIGGER = "unknown";

    /** Parts of the id range whose follow-ups are counted side by side, each on a connection of its own. */
    private static final int FOLLOW_UP_PARTS = 2;

    /** Incidents in the order they happened; at the same time, in the order they were imported. */
    private static final Comparator<RecurringCausesQueries.IncidentRow> BY_TIME = Comparator
            .comparing(RecurringCausesQueries.IncidentRow::time)
            .thenComparingLong(RecurringCausesQueries.IncidentRow::id);

    private final RecurringCausesQueries queries;
    private final ExecutorService blocking;

    RecurringCauses(RecurringCausesQueries queries, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.queries = queries;
        this.blocking = blocking;
    }

    /** The cause of an incident: its root cause's component and trigger. */
    private record Label(@Nullable String component, @Nullable String trigger) {

        /**
         * A cause incidents can share: both parts named, and a trigger other than {@code unknown}, since two
         * incidents whose trigger nobody knows do not share a cause by that.
         */
        boolean known() {
            return component != null && trigger != null && !UNKNOWN_TRIGGER.equals(trigger);
        }
    }


    @ReadOnly
    public RecurringCausesReport report(RecurringCausesRequest request) {
        CompletableFuture<Map<Long, IncidentFollowups>> everyTeamsFollowUps = everyTeamsFollowUps(request);
        // sorted once, by time: each use below wants that order (100,000 incidents at the size)
        List<RecurringCausesQueries.IncidentRow> incidents = queries.incidents(request.from(), request.to(),
                request.teamId(), request.service()).stream().sorted(BY_TIME).toList();
        // the summaries are read here, in the report's transaction; Lucene compares them on another thread (the
        // common pool: the work is all CPU) while this one reads the follow-ups
        List<RecurringCausesQueries.IncidentRow> compared = compared(incidents);
        CompletableFuture<List<List<Integer>>> alikeGroups = CompletableFuture.supplyAsync(
                () -> AlikeIncidents.groups(compared.stream().map(RecurringCausesQueries.IncidentRow::summary)
                        .toList()));

        Map<Label, List<RecurringCausesQueries.IncidentRow>> byLabel = new LinkedHashMap<>();
        incidents.forEach(incident -> byLabel.computeIfAbsent(new Label(incident.component(), incident.trigger()),
                        label -> new ArrayList<>()).add(incident));
        List<RecurringCausesReport.ServiceCount> byService = byService(incidents, request);

        Set<Long> ids = ids(incidents);
        Map<Long, IncidentFollowups> histories;
        if (everyTeamsFollowUps == null) {
            histories = queries.followUps(ids, request.teamId());
        } else {
            histories = SideBySide.joined(everyTeamsFollowUps);
            histories.keySet().retainAll(ids);
        }
        Function<RecurringCausesQueries.IncidentRow, IncidentFollowups> followUps =
                incident -> histories.getOrDefault(incident.id(), IncidentFollowups.none());

        List<RecurringCausesReport.Cause> causes = new ArrayList<>();
        byLabel.forEach((label, ofLabel) -> {
            if (label.known() && ofLabel.size() >= request.minIncidents()) {
                causes.add(new RecurringCausesReport.Cause(label.component(), label.trigger(), ofLabel.size(),
                        ofLabel.get(0).date(), ofLabel.get(ofLabel.size() - 1).date(),
                        latest(ofLabel, request).stream().map(incident -> entry(incident, followUps.apply(incident)))
                                .toList(),
                        recurrence(ofLabel, followUps), byQuarter(ofLabel)));
            }
        });
        causes.sort(CAUSE_ORDER);
        return new RecurringCausesReport(request.from(), request.to(), causes, byService,
                alike(incidents, compared, alikeGroups.join(), request, followUps));
    }

    /**
     * Every team's follow-ups, counted on other connections while this one reads the incidents: counting them is
     * the report's longest query (a pass over a million index entries at 100,000 postmortems, 0.5-0.7 s on
     * MariaDB), so the range of ids is cut in {@value #FOLLOW_UP_PARTS} parts counted side by side. Only when the
     * window's postmortems are most of a range of ids, which is then read whole; else (and for one team) they are
     * read after the incidents, by their ids. Null when not.
     */
    private @Nullable CompletableFuture<Map<Long, IncidentFollowups>> everyTeamsFollowUps(
            RecurringCausesRequest request) {
        if (request.teamId() != null) {
            return null;
        }
        return queries.span(request.from(), request.to(), request.service())
                .filter(RecurringCausesQueries.Span::dense)
                .map(this::followUpsInParts)
                .orElse(null);
    }

    private CompletableFuture<Map<Long, IncidentFollowups>> followUpsInParts(RecurringCausesQueries.Span span) {
        long partSize = (span.high() - span.low()) / FOLLOW_UP_PARTS + 1;
        List<CompletableFuture<Map<Long, IncidentFollowups>>> parts = new ArrayList<>();
        for (long low = span.low(); low <= span.high(); low += partSize) {
            long from = low;
            long to = Math.min(span.high(), low + partSize - 1);
            parts.add(CompletableFuture.supplyAsync(() -> queries.followUpsOfRange(from, to), blocking));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<Long, IncidentFollowups> all = new HashMap<>();
            parts.forEach(part -> all.putAll(part.join()));
            return all;
        });
    }

    /**
     * Incidents per service and root-cause component (any trigger), where a component came back on a service:
     * at least {@code min_incidents} of them. Services compare ignoring case and surrounding spaces, as team
     * ownership does, and show as the earliest incident wrote them ({@code incidents} are in time order);
     * incidents naming no service are left out, since they do not say where.
     */
    private static List<RecurringCausesReport.ServiceCount> byService(
            List<RecurringCausesQueries.IncidentRow> incidents, RecurringCausesRequest request) {
        Map<List<String>, Integer> counts = new HashMap<>();
        Map<String, String> spelling = new HashMap<>();
        incidents.forEach(incident -> {
            if (incident.component() != null && incident.service() != null && !incident.service().isBlank()) {
                String service = incident.service().strip().toLowerCase(Locale.ROOT);
                spelling.putIfAbsent(service, incident.service().strip());
                counts.merge(List.of(service, incident.component()), 1, Integer::sum);
            }
        });
        return counts.entrySet().stream().filter(entry -> entry.getValue() >= request.minIncidents())
                .map(entry -> new RecurringCausesReport.ServiceCount(spelling.get(entry.getKey().get(0)),
                        entry.getKey().get(1), entry.getValue()))
                .sorted(Comparator.comparingInt(RecurringCausesReport.ServiceCount::incidents).reversed()
                        .thenComparing(RecurringCausesReport.ServiceCount::service)
                        .thenComparing(RecurringCausesReport.ServiceCount::component))
                .toList();
    }

    /**
     * The groups of incidents whose root causes read alike though labelled apart ({@link AlikeIncidents}), among
     * the latest {@value AlikeIncidents#MAX_COMPARED} incidents of the window with a root-cause summary.
     */
    private static RecurringCausesReport.Alike alike(
            List<RecurringCausesQueries.IncidentRow> incidents, List<RecurringCausesQueries.IncidentRow> compared,
            List<List<Integer>> alikeGroups, RecurringCausesRequest request,
            Function<RecurringCausesQueries.IncidentRow, IncidentFollowups> followUps) {
        List<RecurringCausesReport.AlikeGroup> groups = new ArrayList<>();
        for (List<Integer> group : alikeGroups) {
            List<RecurringCausesQueries.IncidentRow> members = group.stream().map(compared::get).sorted(BY_TIME)
                    .toList();
            Map<Label, Integer> labels = new LinkedHashMap<>();
            members.forEach(incident -> labels.merge(new Label(incident.component(), incident.trigger()), 1,
                    Integer::sum));
            if (labels.size() < 2 || members.size() < request.minIncidents()) {
                // one label: the cause is listed already; fewer incidents than asked: not recurring enough
                continue;
            }
            groups.add(new RecurringCausesReport.AlikeGroup(
                    labels.entrySet().stream().sorted(Map.Entry.<Label, Integer>comparingByValue().reversed())
                            .map(entry -> new RecurringCausesReport.Label(entry.getKey().component(),
                                    entry.getKey().trigger(), entry.getValue())).toList(),
                    members.size(), members.get(0).date(), members.get(members.size() - 1).date(),
                    latest(members, request).stream().map(incident -> alikeEntry(incident,
                            followUps.apply(incident))).toList(),
                    recurrence(members, followUps)));
        }
        groups.sort(Comparator.comparingInt(RecurringCausesReport.AlikeGroup::incidents).reversed()
                .thenComparing(RecurringCausesReport.AlikeGroup::lastSeen, Comparator.reverseOrder()));
        return new RecurringCausesReport.Alike(AlikeIncidents.THRESHOLD, compared.size(), incidents.size(), groups);
    }

    /**
     * The latest incidents of the window with a root-cause summary, with it, up to the most compared, latest first;
     * {@code incidents} are in time order.
     */
    private List<RecurringCausesQueries.IncidentRow> compared(List<RecurringCausesQueries.IncidentRow> incidents) {
        List<RecurringCausesQueries.IncidentRow> latest = new ArrayList<>(incidents.subList(
                Math.max(0, incidents.size() - AlikeIncidents.MAX_COMPARED), incidents.size()));
        Collections.reverse(latest);
        Map<Long, String> summaries = queries.summaries(latest.stream().map(RecurringCausesQueries.IncidentRow::id)
                .toList());
        return latest.stream().filter(incident -> summaries.containsKey(incident.id()))
                .map(incident -> incident.withSummary(summaries.get(incident.id()))).toList();
    }

    /** How many of {@code incidents}, in time order, are dated in each quarter: those with any, oldest first. */
    private static List<RecurringCausesReport.QuarterCount> byQuarter(
            List<RecurringCausesQueries.IncidentRow> incidents) {
        Map<Quarter, Integer> counts = new LinkedHashMap<>();
        incidents.forEach(incident -> counts.merge(Quarter.of(incident.date()), 1, Integer::sum));
        return counts.entrySet().stream()
                .map(count -> new RecurringCausesReport.QuarterCount(count.getKey().toString(), count.getValue()))
                .toList();
    }

    /** The latest {@code per_cause} of incidents in time order, still in time order. */
    private static List<RecurringCausesQueries.IncidentRow> latest(List<RecurringCausesQueries.IncidentRow> incidents,
                                                                  RecurringCausesRequest request) {
        return incidents.subList(Math.max(0, incidents.size() - request.perCause()), incidents.size());
    }

    private static Recurrence recurrence(List<RecurringCausesQueries.IncidentRow> incidents,
                                         Function<RecurringCausesQueries.IncidentRow, IncidentFollowups> followUps) {
        return Recurrence.of(incidents.stream()
                .map(incident -> new Recurrence.Incident(incident.time(), incident.started(),
                        followUps.apply(incident))).toList());
    }

    private static RecurringCausesReport.Incident entry(RecurringCausesQueries.IncidentRow incident,
                                                        IncidentFollowups followUps) {
        return new RecurringCausesReport.Incident(incident.id(), incident.title(), incident.date(), followUps.total(),
                followUps.done(), followUps.open());
    }

    private static RecurringCausesReport.AlikeIncident alikeEntry(RecurringCausesQueries.IncidentRow incident,
                                                                  IncidentFollowups followUps) {
        return new RecurringCausesReport.AlikeIncident(incident.id(), incident.title(), incident.date(),
                incident.component(), incident.trigger(), followUps.total(), followUps.done(), followUps.open());
    }

    private static Set<Long> ids(List<RecurringCausesQueries.IncidentRow> incidents) {
        return incidents.stream().map(RecurringCausesQueries.IncidentRow::id).collect(Collectors.toSet());
    }
}
