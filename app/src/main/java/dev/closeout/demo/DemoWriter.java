package dev.closeout.demo;

import dev.closeout.action.ActionEvent;
import dev.closeout.action.ActionItem;
import dev.closeout.postmortem.Postmortem;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.db.jooq.Tables.TEAM_DUE_PRIORITY;
import static dev.closeout.db.jooq.Tables.TEAM_SERVICE;

/**
 * Writes demo data with multi-row INSERTs: hundreds to thousands of rows per statement instead of one
 * round trip each. The first row of each table in a run is inserted alone and gets its id from the
 * database; the rows after it take the ids that follow, so ids start where the database's counter stood
 * (high in the test databases) and run in the order rows were made. Nothing else may write to these
 * tables while the generator runs.
 */
final class DemoWriter {

    private static final int POSTMORTEMS_PER_STATEMENT = 100;
    private static final int ACTIONS_PER_STATEMENT = 1_000;
    private static final int EVENTS_PER_STATEMENT = 2_500;

    private static final List<Field<?>> POSTMORTEM_FIELDS = List.of(POSTMORTEM.ID, POSTMORTEM.SOURCE_REF,
            POSTMORTEM.TITLE, POSTMORTEM.SERVICE, POSTMORTEM.FORMAT, POSTMORTEM.INCIDENT_START, POSTMORTEM.INCIDENT_END,
            POSTMORTEM.INCIDENT_ZONE, POSTMORTEM.DURATION_MINUTES, POSTMORTEM.IMPACT_PERCENT,
            POSTMORTEM.ROOT_CAUSE_SUMMARY, POSTMORTEM.ROOT_CAUSE_COMPONENT, POSTMORTEM.ROOT_CAUSE_TRIGGER,
            POSTMORTEM.ORIGINAL_TEXT, POSTMORTEM.CONTENT_HASH, POSTMORTEM.CORRECTED_FIELDS, POSTMORTEM.CREATED_AT,
            POSTMORTEM.UPDATED_AT);
    private static final List<Field<?>> ACTION_FIELDS = List.of(ACTION_ITEM.ID, ACTION_ITEM.POSTMORTEM_ID,
            ACTION_ITEM.POSITION, ACTION_ITEM.TEXT, ACTION_ITEM.KIND, ACTION_ITEM.GROUP_NAME, ACTION_ITEM.OWNER,
            ACTION_ITEM.OWNER_SOURCE, ACTION_ITEM.TEAM_ID, ACTION_ITEM.DUE_DATE, ACTION_ITEM.DUE_SOURCE,
            ACTION_ITEM.PRIORITY, ACTION_ITEM.STATUS, ACTION_ITEM.STATUS_REASON, ACTION_ITEM.TICKET_REF,
            ACTION_ITEM.SOURCE_LINE, ACTION_ITEM.REMOVED_FROM_SOURCE, ACTION_ITEM.CREATED_AT, ACTION_ITEM.UPDATED_AT,
            ACTION_ITEM.CLOSED_AT, ACTION_ITEM.VERSION, ACTION_ITEM.POSTMORTEM_SERVICE);
    private static final List<Field<?>> EVENT_FIELDS = List.of(ACTION_EVENT.ID, ACTION_EVENT.ACTION_ID,
            ACTION_EVENT.FIELD, ACTION_EVENT.OLD_VALUE, ACTION_EVENT.NEW_VALUE, ACTION_EVENT.ACTOR,
            ACTION_EVENT.OCCURRED_AT);

    private final DSLContext dsl;
    private final IdRange postmortemIds = new IdRange(POSTMORTEM, POSTMORTEM.ID, POSTMORTEM_FIELDS);
    private final IdRange actionIds = new IdRange(ACTION_ITEM, ACTION_ITEM.ID, ACTION_FIELDS);
    private final IdRange eventIds = new IdRange(ACTION_EVENT, ACTION_EVENT.ID, EVENT_FIELDS);
    private final AtomicLong statements = new AtomicLong();

    DemoWriter(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Rows written by the multi-row statements so far, and those statements. */
    long statements() {
        return statements.get();
    }

    /**
     * Stores the teams that do not exist yet (by key), with their services (those no team owns yet) and
     * due-date policies; answers every team's id by key.
     */
    Map<String, Long> teams(List<DemoWorld.DemoTeam> teams, LocalDateTime createdAt) {
        Map<String, Long> ids = new HashMap<>(dsl.select(TEAM.TEAM_KEY, TEAM.ID).from(TEAM)
                .where(TEAM.TEAM_KEY.in(teams.stream().map(DemoWorld.DemoTeam::key).toList()))
                .fetchMap(TEAM.TEAM_KEY, TEAM.ID));
        List<String> services = teams.stream().flatMap(team -> team.services().stream()).toList();
        Set<String> owned = Set.copyOf(dsl.select(TEAM_SERVICE.SERVICE_NAME).from(TEAM_SERVICE)
                .where(TEAM_SERVICE.SERVICE_NAME.in(services)).fetch(TEAM_SERVICE.SERVICE_NAME));
        List<Object[]> serviceRows = new ArrayList<>();
        List<Object[]> priorityRows = new ArrayList<>();
        for (DemoWorld.DemoTeam team : teams) {
            if (ids.containsKey(team.key())) {
                continue;
            }
            long id = dsl.insertInto(TEAM).set(TEAM.TEAM_KEY, team.key()).set(TEAM.NAME, team.name())
                    .set(TEAM.DEFAULT_OWNER, team.defaultOwner()).set(TEAM.JIRA_PROJECT, team.jiraProject())
                    .set(TEAM.CORRECTIVE_DAYS, team.policy().correctiveDays())
                    .set(TEAM.PREVENTATIVE_DAYS, team.policy().preventativeDays())
                    .set(TEAM.CREATED_AT, createdAt).set(TEAM.UPDATED_AT, createdAt)
                    .returningResult(TEAM.ID).fetchOne(TEAM.ID);
            ids.put(team.key(), id);
            team.services().stream().filter(service -> !owned.contains(service))
                    .forEach(service -> serviceRows.add(new Object[] {service, id}));
            team.policy().priorityDays().forEach((priority, days) -> priorityRows.add(new Object[] {id, priority, days}));
        }
        insert(TEAM_SERVICE, List.of(TEAM_SERVICE.SERVICE_NAME, TEAM_SERVICE.TEAM_ID), serviceRows, 1_000);
        insert(TEAM_DUE_PRIORITY, List.of(TEAM_DUE_PRIORITY.TEAM_ID, TEAM_DUE_PRIORITY.PRIORITY, TEAM_DUE_PRIORITY.DAYS),
                priorityRows, 1_000);
        return ids;
    }

    /**
     * Stores the incidents: their postmortems, follow-ups and events, each table in a few statements. Their
     * events take the run positions from {@code firstEvent} on. After the first call, calls may run on
     * several threads at once (their rows never refer to each other's).
     */
    void write(List<DemoIncidents.Incident> incidents, long firstEvent) {
        long event = firstEvent;
        List<Object[]> postmortems = new ArrayList<>(incidents.size());
        List<Object[]> actions = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        for (DemoIncidents.Incident incident : incidents) {
            postmortems.add(row(incident.postmortem()));
            for (FollowUpLife.Outcome followUp : incident.followUps()) {
                actions.add(row(followUp.action(), incident.postmortem().service()));
                for (ActionEvent change : followUp.events()) {
                    history.add(row(change, event++));
                }
            }
        }
        postmortemIds.insert(postmortems, POSTMORTEMS_PER_STATEMENT, Function.identity());
        actionIds.insert(actions, ACTIONS_PER_STATEMENT, row -> {
            row[1] = postmortemIds.id((Long) row[1]);
            return row;
        });
        eventIds.insert(history, EVENTS_PER_STATEMENT, row -> {
            row[1] = actionIds.id((Long) row[1]);
            return row;
        });
    }

    private static Object[] row(Postmortem p) {
        return new Object[] {p.id(), p.sourceRef(), p.title(), p.service(), p.format(), p.incidentStart(),
            p.incidentEnd(), p.incidentZone(), p.durationMinutes(), p.impactPercent(), p.rootCauseSummary(),
            p.rootCauseComponent(), p.rootCauseTrigger(), p.originalText(), p.contentHash(), p.correctedFields(),
            p.createdAt(), p.updatedAt()};
    }

    private static Object[] row(ActionItem a, String service) {
        return new Object[] {a.id(), a.postmortemId(), a.position(), a.text(), a.kind(), a.group(), a.owner(),
            a.ownerSource() == null ? null : a.ownerSource().wireName(), a.teamId(), a.dueDate(),
            a.dueSource() == null ? null : a.dueSource().wireName(), a.priority(),
            a.status().wireName(), a.statusReason(), a.ticketRef(), a.sourceLine(), a.removedFromSource(),
            a.createdAt(), a.updatedAt(), a.closedAt(), a.version(), service};
    }

    private static Object[] row(ActionEvent e, long index) {
        return new Object[] {index, e.actionId(), e.field(), e.oldValue(), e.newValue(), e.actor(), e.occurredAt()};
    }

    private void insert(Table<?> table, List<Field<?>> fields, List<Object[]> rows, int perStatement) {
        for (int from = 0; from < rows.size(); from += perStatement) {
            InsertValuesStepN<?> insert = dsl.insertInto(table).columns(fields);
            for (Object[] row : rows.subList(from, Math.min(rows.size(), from + perStatement))) {
                insert = insert.values(row);
            }
            insert.execute();
            statements.incrementAndGet();
        }
    }

    /**
     * The ids of one table's rows in this run: run position + the id the database gave the first row
     * (whose position is 0, as the first row written is the first made).
     */
    private final class IdRange {

        private final Table<?> table;
        private final TableField<? extends Record, Long> idField;
        private final List<Field<?>> fields;
        private volatile Long first;

        IdRange(Table<?> table, TableField<? extends Record, Long> idField, List<Field<?>> fields) {
            this.table = table;
            this.idField = idField;
            this.fields = fields;
        }

        long id(long position) {
            if (first == null) {
                throw new IllegalStateException(table.getName() + " rows are referenced before any was written");
            }
            return first + position;
        }

        /** Writes {@code rows} (position first), the references in each made absolute by {@code resolve}. */
        void insert(List<Object[]> rows, int perStatement, Function<Object[], Object[]> resolve) {
            List<Object[]> resolved = rows.stream().map(resolve).toList();
            int from = 0;
            if (first == null && !resolved.isEmpty()) {
                Object[] row = resolved.get(0);
                first = dsl.insertInto(table).columns(fields.subList(1, fields.size()))
                        .values(Arrays.copyOfRange(row, 1, row.length)).returningResult(idField).fetchOne(idField)
                        - (Long) row[0];
                from = 1;
            }
            List<Object[]> rest = resolved.subList(from, resolved.size());
            rest.forEach(row -> row[0] = first + (Long) row[0]);
            DemoWriter.this.insert(table, fields, rest, perStatement);
        }
    }
}
