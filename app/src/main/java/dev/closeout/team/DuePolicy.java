package dev.closeout.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How long a follow-up may take, in calendar days after the incident: by priority when the priority
 * table names the action's priority, otherwise by kind. A team's policy holds only what it overrides
 * (null days, missing priorities inherit); the effective policy is the global one overridden by the team's.
 *
 * @param correctiveDays    days for a corrective action, and for one of unknown kind
 * @param preventativeDays  days for a preventative action
 * @param priorityDays      days by priority, lower-case, whatever the kind
 */
@Serdeable
public record DuePolicy(@Nullable Integer correctiveDays, @Nullable Integer preventativeDays,
                        Map<String, Integer> priorityDays) {

    public static final int MAX_DAYS = 3650;
    public static final int MAX_PRIORITY_LENGTH = 32;
    /** A team that overrides nothing. */
    public static final DuePolicy INHERITED = new DuePolicy(null, null, Map.of());

    private static final String PREVENTATIVE = "preventative";

    public DuePolicy {
        priorityDays = priorityDays == null ? Map.of() : priorityDays;
    }

    /**
     * This policy with priorities lower-case and sorted; throws {@link IllegalArgumentException} naming the
     * field under {@code field} when a value is out of range or two priorities differ only in case.
     */
    public DuePolicy validated(String field) {
        checkDays(correctiveDays, field + ".corrective_days");
        checkDays(preventativeDays, field + ".preventative_days");
        Map<String, Integer> normalized = new TreeMap<>();
        priorityDays.forEach((priority, days) -> {
            String key = priority == null ? "" : normalize(priority);
            if (key.isEmpty() || key.length() > MAX_PRIORITY_LENGTH) {
                throw new IllegalArgumentException(field + ".priority_days: a priority must be 1 to "
                        + MAX_PRIORITY_LENGTH + " characters, was '" + priority + "'");
            }
            if (days == null) {
                throw new IllegalArgumentException(field + ".priority_days." + key + ": must be 1 to " + MAX_DAYS + " days");
            }
            checkDays(days, field + ".priority_days." + key);
            if (normalized.put(key, days) != null) {
                throw new IllegalArgumentException(field + ".priority_days: '" + key
                        + "' is given twice; priorities compare case-insensitively");
            }
        });
        return new DuePolicy(correctiveDays, preventativeDays, Collections.unmodifiableMap(normalized));
    }

    /** This policy with every value {@code override} sets replacing this one's, priority by priority. */
    public DuePolicy overriddenBy(DuePolicy override) {
        Map<String, Integer> priorities = new TreeMap<>(priorityDays);
        priorities.putAll(override.priorityDays);
        return new DuePolicy(override.correctiveDays != null ? override.correctiveDays : correctiveDays,
                override.preventativeDays != null ? override.preventativeDays : preventativeDays,
                Collections.unmodifiableMap(priorities));
    }

    /**
     * When an action found in an incident that started on {@code from} is due. A kind other than
     * preventative, or none, counts as corrective: an unclassified action gets the shorter deadline, so
     * it is looked at rather than left to drift. A date on a weekend moves to the Monday after, so nothing
     * falls due when nobody is at work.
     */
    public LocalDate dueDate(LocalDate from, @Nullable String kind, @Nullable String priority) {
        Integer days = priority == null ? null : priorityDays.get(normalize(priority));
        if (days == null) {
            days = PREVENTATIVE.equalsIgnoreCase(kind) ? preventativeDays : correctiveDays;
        }
        LocalDate due = from.plusDays(Objects.requireNonNull(days, "an effective policy sets both kinds' days"));
        return switch (due.getDayOfWeek()) {
            case SATURDAY -> due.plusDays(2);
            case SUNDAY -> due.plusDays(1);
            default -> due;
        };
    }

    static String normalize(String priority) {
        return priority.strip().toLowerCase(Locale.ROOT);
    }

    private static void checkDays(@Nullable Integer days, String field) {
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new IllegalArgumentException(field + ": must be 1 to " + MAX_DAYS + " days, was " + days);
        }
    }
}
