package dev.closeout.report;

import dev.closeout.postmortem.PostmortemScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;

/**
 * The weekly review's recurring causes, kept minimal (the recurring-causes report is the full story): the
 * postmortems whose incident date falls in the week and whose root cause (component and trigger, both
 * classified) had an incident before, that week or earlier. Two queries: the week's postmortems, then every
 * cause's earlier incidents. With a team, only the team's postmortems count, before and during.
 */
@Singleton
class WeekRecurrences {

    private final DSLContext dsl;
    private final ReportCalendar calendar;

    WeekRecurrences(DSLContext dsl, ReportCalendar calendar) {
        this.dsl = dsl;
        this.calendar = calendar;
    }

    private record Cause(String component, String trigger) {
    }

    /** The causes of {@code week} that came back, the one with the most incidents before first. */
    @ReadOnly
    List<RecurringCause> of(IsoWeek week, @Nullable Long team) {
        LocalDateTime from = calendar.startOfDayUtc(week.monday());
        LocalDateTime to = calendar.startOfDayUtc(week.sunday().plusDays(1));
        Condition teams = team == null ? noCondition() : PostmortemScope.visibleTo(team);
        Map<Cause, List<RecurringCause.Incident>> thisWeek = new LinkedHashMap<>();
        dsl.select(POSTMORTEM.ID, POSTMORTEM.TITLE, POSTMORTEM.ROOT_CAUSE_COMPONENT, POSTMORTEM.ROOT_CAUSE_TRIGGER,
                        incidentAt())
                .from(POSTMORTEM)
                .where(classified())
                .and(incidentBetween(from, to))
                .and(teams)
                .orderBy(incidentAt(), POSTMORTEM.ID)
                .forEach(row -> thisWeek.computeIfAbsent(new Cause(row.value3(), row.value4()), c -> new ArrayList<>())
                        .add(new RecurringCause.Incident(row.value1(), row.value2(), calendar.dayOf(row.value5()))));
        if (thisWeek.isEmpty()) {
            return List.of();
        }
        // every cause's earlier incidents, not only the week's causes': a week names most causes, and a condition
        // naming each one is evaluated on every earlier incident (1.5 s at 100,000 postmortems), while all of them
        // come grouped from ix_postmortem_cause (V14) alone
        Map<Cause, Before> before = new LinkedHashMap<>();
        dsl.select(POSTMORTEM.ROOT_CAUSE_COMPONENT, POSTMORTEM.ROOT_CAUSE_TRIGGER, count(), max(incidentAt()))
                .from(POSTMORTEM)
                .where(classified())
                .and(incidentBefore(from))
                .and(teams)
                .groupBy(POSTMORTEM.ROOT_CAUSE_COMPONENT, POSTMORTEM.ROOT_CAUSE_TRIGGER)
                .forEach(row -> before.put(new Cause(row.value1(), row.value2()),
                        new Before(row.value3(), calendar.dayOf(row.value4()))));
        List<RecurringCause> causes = new ArrayList<>();
        thisWeek.forEach((cause, incidents) -> {
            Before earlier = before.getOrDefault(cause, new Before(0, null));
            // a cause first seen this week came back when a second incident followed within the week
            if (earlier.count() > 0 || incidents.size() > 1) {
                causes.add(new RecurringCause(cause.component(), cause.trigger(), earlier.count(), earlier.last(),
                        incidents));
            }
        });
        causes.sort(Comparator.comparingInt(RecurringCause::incidentsBefore).reversed()
                .thenComparing(RecurringCause::component).thenComparing(RecurringCause::trigger));
        return causes;
    }

    private record Before(int count, @Nullable LocalDate last) {
    }

    private static Condition classified() {
        return POSTMORTEM.ROOT_CAUSE_COMPONENT.isNotNull().and(POSTMORTEM.ROOT_CAUSE_TRIGGER.isNotNull());
    }

    /** Incident date: the incident's start, else the import (docs/reports.md, Definitions). */
    private static Field<LocalDateTime> incidentAt() {
        return coalesce(POSTMORTEM.INCIDENT_START, POSTMORTEM.CREATED_AT);
    }

    /** {@link #incidentAt()} in [from, to), spelled so the incident_start and created_at indexes serve it. */
    private static Condition incidentBetween(LocalDateTime from, LocalDateTime to) {
        return POSTMORTEM.INCIDENT_START.ge(from).and(POSTMORTEM.INCIDENT_START.lt(to))
                .or(POSTMORTEM.INCIDENT_START.isNull().and(POSTMORTEM.CREATED_AT.ge(from))
                        .and(POSTMORTEM.CREATED_AT.lt(to)));
    }

    private static Condition incidentBefore(LocalDateTime time) {
        return POSTMORTEM.INCIDENT_START.lt(time)
                .or(POSTMORTEM.INCIDENT_START.isNull().and(POSTMORTEM.CREATED_AT.lt(time)));
    }
}
