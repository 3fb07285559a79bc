package dev.closeout.team;

import dev.closeout.db.jooq.tables.records.TeamDuePriorityRecord;
import dev.closeout.db.jooq.tables.records.TeamRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.db.jooq.Tables.TEAM_DUE_PRIORITY;
import static dev.closeout.db.jooq.Tables.TEAM_SERVICE;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

/** Reads teams with their services and due-date policy. */
@Singleton
public class TeamQueries {

    private final DSLContext dsl;

    TeamQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Up to {@code limit} teams with ids after {@code afterId}, in id order. */
    @ReadOnly
    public List<TeamProfile> find(@Nullable Long afterId, int limit) {
        return find(afterId, limit, null);
    }

    /** Up to {@code limit} teams with ids after {@code afterId}, in id order; only {@code onlyTeamId} when given. */
    @ReadOnly
    public List<TeamProfile> find(@Nullable Long afterId, int limit, @Nullable Long onlyTeamId) {
        Condition condition = (afterId == null ? noCondition() : TEAM.ID.gt(afterId))
                .and(onlyTeamId == null ? noCondition() : TEAM.ID.eq(onlyTeamId));
        return profiles(dsl.selectFrom(TEAM).where(condition).orderBy(TEAM.ID).limit(limit).fetch());
    }

    @ReadOnly
    public Optional<TeamProfile> findByKey(String key) {
        return profiles(dsl.selectFrom(TEAM).where(TEAM.TEAM_KEY.eq(key)).fetch()).stream().findFirst();
    }

    @ReadOnly
    public Optional<TeamProfile> findById(long id) {
        return profiles(dsl.selectFrom(TEAM).where(TEAM.ID.eq(id)).fetch()).stream().findFirst();
    }

    /** The id of the team owning {@code service}, compared case-insensitively. */
    @ReadOnly
    public Optional<Long> ownerOf(String service) {
        return dsl.select(TEAM_SERVICE.TEAM_ID).from(TEAM_SERVICE)
                .where(TEAM_SERVICE.SERVICE_NAME.eq(ServiceOwnership.normalize(service)))
                .fetchOptional(TEAM_SERVICE.TEAM_ID);
    }

    /** The team owning {@code service}, compared case-insensitively. */
    @ReadOnly
    public Optional<TeamProfile> findByService(String service) {
        return profiles(dsl.select(TEAM.fields()).from(TEAM).join(TEAM_SERVICE).on(TEAM_SERVICE.TEAM_ID.eq(TEAM.ID))
                .where(TEAM_SERVICE.SERVICE_NAME.eq(ServiceOwnership.normalize(service)))
                .fetchInto(TEAM)).stream().findFirst();
    }

    /**
     * What the follow-ups of a postmortem about {@code service} take from the team owning it (compared
     * case-insensitively): one statement, asked once per imported postmortem.
     */
    @ReadOnly
    public Optional<FollowUpTeam> followUpTeamOfService(String service) {
        return followUpTeam(TEAM.ID.in(select(TEAM_SERVICE.TEAM_ID).from(TEAM_SERVICE)
                .where(TEAM_SERVICE.SERVICE_NAME.eq(ServiceOwnership.normalize(service)))));
    }

    /** What new follow-ups take from team {@code teamId}, in one statement. */
    @ReadOnly
    public Optional<FollowUpTeam> followUpTeam(long teamId) {
        return followUpTeam(TEAM.ID.eq(teamId));
    }

    private Optional<FollowUpTeam> followUpTeam(Condition team) {
        // one row per priority the team sets (one row with none when it sets none)
        var rows = dsl.select(TEAM.ID, TEAM.TEAM_KEY, TEAM.DEFAULT_OWNER, TEAM.CORRECTIVE_DAYS, TEAM.PREVENTATIVE_DAYS,
                        TEAM_DUE_PRIORITY.PRIORITY, TEAM_DUE_PRIORITY.DAYS)
                .from(TEAM).leftJoin(TEAM_DUE_PRIORITY).on(TEAM_DUE_PRIORITY.TEAM_ID.eq(TEAM.ID))
                .where(team)
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> priorities = new TreeMap<>();
        rows.stream().filter(row -> row.get(TEAM_DUE_PRIORITY.PRIORITY) != null)
                .forEach(row -> priorities.put(row.get(TEAM_DUE_PRIORITY.PRIORITY), row.get(TEAM_DUE_PRIORITY.DAYS)));
        var first = rows.get(0);
        return Optional.of(new FollowUpTeam(first.get(TEAM.ID), first.get(TEAM.TEAM_KEY), first.get(TEAM.DEFAULT_OWNER),
                new DuePolicy(first.get(TEAM.CORRECTIVE_DAYS), first.get(TEAM.PREVENTATIVE_DAYS), priorities)));
    }

    /** Of {@code services} (stored spelling), those another team than {@code teamId} owns, with its key. */
    @ReadOnly
    public Map<String, String> ownedElsewhere(Collection<String> services, @Nullable Long teamId) {
        if (services.isEmpty()) {
            return Map.of();
        }
        Condition otherTeam = teamId == null ? noCondition() : TEAM_SERVICE.TEAM_ID.ne(teamId);
        return dsl.select(TEAM_SERVICE.SERVICE_NAME, TEAM.TEAM_KEY).from(TEAM_SERVICE)
                .join(TEAM).on(TEAM.ID.eq(TEAM_SERVICE.TEAM_ID))
                .where(TEAM_SERVICE.SERVICE_NAME.in(services).and(otherTeam))
                .orderBy(TEAM_SERVICE.SERVICE_NAME)
                .fetchMap(TEAM_SERVICE.SERVICE_NAME, TEAM.TEAM_KEY);
    }

    private List<TeamProfile> profiles(List<TeamRecord> teams) {
        if (teams.isEmpty()) {
            return List.of();
        }
        List<Long> ids = teams.stream().map(TeamRecord::getId).toList();
        Map<Long, List<String>> services = dsl.select(TEAM_SERVICE.TEAM_ID, TEAM_SERVICE.SERVICE_NAME)
                .from(TEAM_SERVICE).where(TEAM_SERVICE.TEAM_ID.in(ids)).orderBy(TEAM_SERVICE.SERVICE_NAME)
                .fetchGroups(TEAM_SERVICE.TEAM_ID, TEAM_SERVICE.SERVICE_NAME);
        Map<Long, Map<String, Integer>> priorities = dsl.selectFrom(TEAM_DUE_PRIORITY)
                .where(TEAM_DUE_PRIORITY.TEAM_ID.in(ids)).fetch().stream()
                .collect(Collectors.groupingBy(TeamDuePriorityRecord::getTeamId, Collectors.toMap(
                        TeamDuePriorityRecord::getPriority, TeamDuePriorityRecord::getDays, (a, b) -> a, TreeMap::new)));
        return teams.stream().map(row -> new TeamProfile(toTeam(row), services.getOrDefault(row.getId(), List.of()),
                new DuePolicy(row.getCorrectiveDays(), row.getPreventativeDays(),
                        priorities.getOrDefault(row.getId(), Map.of())))).toList();
    }

    private static Team toTeam(TeamRecord row) {
        return new Team(row.getId(), row.getTeamKey(), row.getName(), row.getDefaultOwner(), row.getJiraProject(),
                row.getCorrectiveDays(), row.getPreventativeDays(), row.getCreatedAt(), row.getUpdatedAt());
    }
}
