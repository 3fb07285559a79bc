package dev.closeout.postmortem;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The facts of a postmortem a person may correct, spelled as the API shows them. A corrected fact is
 * the person's: a re-import of the source leaves it as they set it.
 */
public enum PostmortemField {
    TITLE("title"),
    SERVICE("service"),
    INCIDENT_START("incident.start"),
    INCIDENT_END("incident.end"),
    INCIDENT_ZONE("incident.zone"),
    DURATION_MINUTES("incident.duration_minutes"),
    IMPACT_PERCENT("impact_percent"),
    ROOT_CAUSE_SUMMARY("root_cause.summary"),
    ROOT_CAUSE_COMPONENT("root_cause.component"),
    ROOT_CAUSE_TRIGGER("root_cause.trigger");

    private static final String SEPARATOR = ",";

    private final String wireName;

    PostmortemField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The fields named in the {@code corrected_fields} column; names from a newer version are skipped. */
    static Set<PostmortemField> parse(String column) {
        Set<PostmortemField> fields = EnumSet.noneOf(PostmortemField.class);
        if (column == null || column.isBlank()) {
            return fields;
        }
        Set<String> names = Set.of(column.split(SEPARATOR));
        Arrays.stream(values()).filter(field -> names.contains(field.wireName)).forEach(fields::add);
        return fields;
    }

    /** The column value for these fields, in declaration order; null for none. */
    static String format(Collection<PostmortemField> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        return EnumSet.copyOf(fields).stream().map(PostmortemField::wireName).collect(Collectors.joining(SEPARATOR));
    }
}
