package dev.closeout.jira;

import dev.closeout.db.jooq.tables.records.TeamJiraRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Checks and stores teams' own Jira settings ({@link TeamJira}). The same rules hold for what the API sets
 * and for {@code closeout.jira.teams.<key>.*}; a value that breaks one is an {@link IllegalArgumentException}
 * naming the field, with the names the caller uses.
 */
@Singleton
public class TeamJiraSettings {

    /** Field names as the API spells them: {@code jira_labels}. */
    public static final UnaryOperator<String> API_NAMES = name -> "jira_" + name;

    static final int MAX_NAME = 255;
    static final int MAX_PRIORITY = 32;
    // the sizes of team_jira's columns (V5)
    static final int MAX_ISSUE_TYPE = 64;
    static final int MAX_LIST_TEXT = 1000;
    static final int MAX_PRIORITY_MAP_TEXT = 2000;
    static final int MAX_CUSTOM_FIELDS_TEXT = 4000;

    private final TeamJiraRepository rows;
    private final CustomFieldTemplate templates;
    private final CommaSeparatedColumn lists;
    private final PriorityMapColumn priorities;
    private final CustomFieldsColumn customFields;

    TeamJiraSettings(TeamJiraRepository rows, CustomFieldTemplate templates, CommaSeparatedColumn lists,
                     PriorityMapColumn priorities, CustomFieldsColumn customFields) {
        this.rows = rows;
        this.templates = templates;
        this.lists = lists;
        this.priorities = priorities;
        this.customFields = customFields;
    }

    /** Field names as {@code closeout.jira.teams.<teamKey>.*} spells them: {@code ...payments.issue-type}. */
    public static UnaryOperator<String> configurationNames(String teamKey) {
        return name -> JiraConfiguration.PREFIX + ".teams." + teamKey + "." + name.replace('_', '-');
    }

    /**
     * {@code settings} with names stripped, duplicates dropped and priorities lower-case; throws
     * {@link IllegalArgumentException} naming the first field (by {@code names}, e.g. {@link #API_NAMES}) that
     * breaks a rule: Jira's (no whitespace in a label, custom field ids, known placeholders) or what fits the
     * table.
     */
    public TeamJira checked(TeamJira settings, UnaryOperator<String> names) {
        String issueType = settings.issueType() == null ? null : settings.issueType().strip();
        if (issueType != null && (issueType.isEmpty() || issueType.length() > MAX_ISSUE_TYPE)) {
            throw new IllegalArgumentException(names.apply("issue_type") + ": must be 1 to " + MAX_ISSUE_TYPE
                    + " characters, or null");
        }
        Map<String, String> checkedTemplates = settings.customFields() == null ? null
                : templates.readTexts(names.apply("custom_fields"), settings.customFields());
        TeamJira checked = new TeamJira(settings.teamId(), issueType,
                labels(settings.labels(), names.apply("labels")),
                names(settings.components(), names.apply("components"), "a component"),
                priorityMap(settings.priorityMap(), names.apply("priority_map")),
                checkedTemplates,
                names(settings.notDoingResolutions(), names.apply("not_doing_resolutions"), "a resolution"));
        fits(lists.convertToPersistedValue(checked.labels(), null), MAX_LIST_TEXT, names.apply("labels"));
        fits(lists.convertToPersistedValue(checked.components(), null), MAX_LIST_TEXT, names.apply("components"));
        fits(lists.convertToPersistedValue(checked.notDoingResolutions(), null), MAX_LIST_TEXT,
                names.apply("not_doing_resolutions"));
        fits(priorities.convertToPersistedValue(checked.priorityMap(), null), MAX_PRIORITY_MAP_TEXT,
                names.apply("priority_map"));
        fits(customFields.convertToPersistedValue(checked.customFields(), null), MAX_CUSTOM_FIELDS_TEXT,
                names.apply("custom_fields"));
        return checked;
    }

    /** Stores a team's settings, checked; a team that sets nothing keeps no row. */
    @Transactional
    public void store(TeamJira settings) {
        if (settings.isEmpty()) {
            rows.deleteById(settings.teamId());
        } else if (rows.existsById(settings.teamId())) {
            rows.update(settings);
        } else {
            rows.save(settings);
        }
    }

    /** The team's own settings; {@link TeamJira#none} when it sets nothing. */
    @ReadOnly
    public TeamJira find(long teamId) {
        return rows.findById(teamId).orElseGet(() -> TeamJira.none(teamId));
    }

    /** The settings of these teams, in one query; a team that sets nothing is left out. */
    @ReadOnly
    public Map<Long, TeamJira> find(Collection<Long> teamIds) {
        if (teamIds.isEmpty()) {
            return Map.of();
        }
        return rows.findByTeamIdIn(teamIds).stream().collect(Collectors.toMap(TeamJira::teamId, Function.identity()));
    }

    /** A row read with jOOQ, converted as the repository converts it; empty when the team has no row. */
    Optional<TeamJira> of(TeamJiraRecord row) {
        if (row.getTeamId() == null) {
            return Optional.empty();
        }
        return Optional.of(new TeamJira(row.getTeamId(), row.getIssueType(),
                lists.convertToEntityValue(row.getLabels(), null), lists.convertToEntityValue(row.getComponents(), null),
                priorities.convertToEntityValue(row.getPriorityMap(), null),
                customFields.convertToEntityValue(row.getCustomFields(), null),
                lists.convertToEntityValue(row.getNotDoingResolutions(), null)));
    }

    private static @Nullable List<String> labels(@Nullable List<String> labels, String field) {
        if (labels == null) {
            return null;
        }
        for (String label : labels) {
            if (label != null && label.codePoints().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(field + ": '" + label + "' contains whitespace, which Jira refuses");
            }
        }
        return names(labels, field, "a label");
    }

    /** Names stripped, each once, in the order given; null stays null (not set). */
    private static @Nullable List<String> names(@Nullable List<String> names, String field, String what) {
        if (names == null) {
            return null;
        }
        LinkedHashSet<String> checked = new LinkedHashSet<>();
        for (String name : names) {
            String stripped = name == null ? "" : name.strip();
            if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
                throw new IllegalArgumentException(field + ": " + what + " must be 1 to " + MAX_NAME
                        + " characters, was " + (name == null ? "null" : "'" + name + "'"));
            }
            if (stripped.contains(",")) {
                // the list is stored comma-separated, as the configuration's lists are written
                throw new IllegalArgumentException(field + ": '" + stripped + "' contains a comma, which Closeout"
                        + " cannot keep in a list");
            }
            checked.add(stripped);
        }
        return List.copyOf(checked);
    }

    private static @Nullable Map<String, String> priorityMap(@Nullable Map<String, String> map, String field) {
        if (map == null) {
            return null;
        }
        Map<String, String> checked = new TreeMap<>();
        map.forEach((priority, jiraPriority) -> {
            String key = priority == null ? "" : priority.strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty() || key.length() > MAX_PRIORITY) {
                throw new IllegalArgumentException(field + ": a Closeout priority must be 1 to " + MAX_PRIORITY
                        + " characters, was '" + priority + "'");
            }
            String value = jiraPriority == null ? "" : jiraPriority.strip();
            if (value.isEmpty() || value.length() > MAX_NAME) {
                throw new IllegalArgumentException(field + "." + key + ": must be a Jira priority name of 1 to "
                        + MAX_NAME + " characters");
            }
            if (checked.put(key, value) != null) {
                throw new IllegalArgumentException(field + ": '" + key
                        + "' is given twice; priorities compare case-insensitively");
            }
        });
        return checked;
    }

    private static void fits(@Nullable String stored, int max, String field) {
        if (stored != null && stored.length() > max) {
            throw new IllegalArgumentException(field + ": too long; at most " + max + " characters stored, was "
                    + stored.length());
        }
    }
}
