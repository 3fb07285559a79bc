package dev.closeout.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The recurring-causes report (docs/reports.md, "Recurring causes"): the root causes (component and trigger)
 * with at least {@code min_incidents} incidents in the window, most incidents first, each with its incidents
 * and whether it came back after its follow-ups were done; where they hit, by service; and the groups of
 * causes whose root causes read alike though their labels differ.
 */
@Serdeable
public record RecurringCausesReport(LocalDate from, LocalDate to, List<Cause> causes, List<ServiceCount> byService,
                                    Alike alike) implements ReportAnswer {

    static final List<String> CSV_HEADER = List.of("component", "trigger", "incidents", "first_seen", "last_seen",
            "recurrence", "postmortem_id", "title", "incident_date", "followups_total", "followups_done",
            "followups_open");

    /**
     * A root cause seen in {@code incidents} postmortems of the window; {@code postmortems} lists the latest of
     * them ({@code per_cause}, all unless there are more), oldest first; {@code byQuarter} counts all of them
     * per quarter of their incident dates, the quarters with one or more, oldest first.
     */
    @Serdeable
    public record Cause(String component, String trigger, int incidents, LocalDate firstSeen, LocalDate lastSeen,
                        List<Incident> postmortems, Recurrence recurrence, List<QuarterCount> byQuarter) {
    }

    /** How many incidents of a cause are dated in {@code quarter} ({@link Quarter}, as {@code 2025-Q3}). */
    @Serdeable
    public record QuarterCount(String quarter, int incidents) {
    }

    /** A postmortem of a cause, with its follow-ups as they stand: total, done, open or in progress. */
    @Serdeable
    public record Incident(long id, @Nullable String title, LocalDate incidentDate, int followupsTotal,
                           int followupsDone, int followupsOpen) {
    }

    /** How many incidents of the window had their root cause in {@code component} on {@code service}. */
    @Serdeable
    public record ServiceCount(String service, String component, int incidents) {
    }

    /**
     * Incidents whose root causes read alike although their labels differ ({@link AlikeIncidents}).
     *
     * @param threshold how alike two incidents are at least, both ways, to be linked (0 to 1)
     * @param compared  how many incidents were compared: the latest of the window with a root-cause summary, up
     *                  to {@value AlikeIncidents#MAX_COMPARED}
     * @param of        how many incidents the window holds
     * @param groups    the groups of two labels or more and at least {@code min_incidents} incidents, most
     *                  incidents first
     */
    @Serdeable
    public record Alike(double threshold, int compared, int of, List<AlikeGroup> groups) {
    }

    /**
     * Incidents whose root-cause summaries read alike, labelled with more than one cause (an incident without a
     * label counts as a label of its own): one recurring cause the labels split.
     */
    @Serdeable
    public record AlikeGroup(List<Label> labels, int incidents, LocalDate firstSeen, LocalDate lastSeen,
                             List<AlikeIncident> postmortems, Recurrence recurrence) {
    }

    /** One label of an alike group and its incidents there; null parts for an incident left unlabelled. */
    @Serdeable
    public record Label(@Nullable String component, @Nullable String trigger, int incidents) {
    }

    /** A postmortem of an alike group: as in a cause, with its own labels. */
    @Serdeable
    public record AlikeIncident(long id, @Nullable String title, LocalDate incidentDate, @Nullable String component,
                                @Nullable String trigger, int followupsTotal, int followupsDone, int followupsOpen) {
    }

    @Override
    public List<String> csvHeader() {
        return CSV_HEADER;
    }

    /** One row per cause and postmortem; the service counts and alike groups are in JSON and text only. */
    @Override
    public Stream<List<?>> csvRows() {
        return causes.stream().flatMap(cause -> cause.postmortems().stream().map(incident -> List.of(
                cause.component(), cause.trigger(), cause.incidents(), cause.firstSeen(), cause.lastSeen(),
                cause.recurrence().wireName(), incident.id(), nullToEmpty(incident.title()), incident.incidentDate(),
                incident.followupsTotal(), incident.followupsDone(), incident.followupsOpen())));
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Recurring causes, incidents from ").append(from).append(" to ").append(to).append("\n\n");
        if (causes.isEmpty()) {
            out.append("No cause came back in this window.\n");
        } else {
            TextTable table = new TextTable(List.of("component", "trigger", "incidents", "first seen", "last seen",
                    "recurrence"));
            causes.forEach(cause -> table.row(List.of(cause.component(), cause.trigger(), cause.incidents(),
                    cause.firstSeen(), cause.lastSeen(), cause.recurrence().wireName())));
            out.append(table.render()).append('\n');
            TextTable incidents = new TextTable(List.of("cause", "date", "postmortem", "title", "done", "open",
                    "total"));
            causes.forEach(cause -> cause.postmortems().forEach(incident -> incidents.row(List.of(
                    cause.component() + " / " + cause.trigger(), incident.incidentDate(), incident.id(),
                    shorten(incident.title()), incident.followupsDone(), incident.followupsOpen(),
                    incident.followupsTotal()))));
            out.append("Incidents\n").append(incidents.render());
        }
        if (!byService.isEmpty()) {
            TextTable services = new TextTable(List.of("service", "component", "incidents"));
            byService.forEach(count -> services.row(List.of(count.service(), count.component(), count.incidents())));
            out.append("\nBy service\n").append(services.render());
        }
        if (!alike.groups().isEmpty()) {
            TextTable groups = new TextTable(List.of("group", "labels", "incidents", "first seen", "last seen",
                    "recurrence"));
            TextTable members = new TextTable(List.of("group", "date", "postmortem", "title", "label"));
            for (int i = 0; i < alike.groups().size(); i++) {
                AlikeGroup group = alike.groups().get(i);
                int number = i + 1;
                groups.row(List.of(number, group.labels().stream().map(label -> label(label.component(),
                        label.trigger())).collect(Collectors.joining(", ")), group.incidents(), group.firstSeen(),
                        group.lastSeen(), group.recurrence().wireName()));
                group.postmortems().forEach(incident -> members.row(List.of(number, incident.incidentDate(),
                        incident.id(), shorten(incident.title()), label(incident.component(), incident.trigger()))));
            }
            out.append("\nRead alike, labelled apart (").append(alike.compared())
                    .append(" latest incidents compared)\n")
                    .append(groups.render()).append('\n').append(members.render());
        }
        return out.toString();
    }

    private static String label(@Nullable String component, @Nullable String trigger) {
        return (component == null ? "?" : component) + " / " + (trigger == null ? "?" : trigger);
    }

    private static String shorten(@Nullable String title) {
        if (title == null) {
            return "";
        }
        return title.length() <= 60 ? title : title.substring(0, 59) + "…";
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
