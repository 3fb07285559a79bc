package dev.closeout.team;

import dev.closeout.jira.CustomFieldTemplate;
import dev.closeout.jira.JiraMapping;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * The Jira mapping a team's tickets actually get ({@link JiraMapping}), as the API shows it: custom field
 * templates as JSON values rather than text.
 */
@Serdeable
record EffectiveJira(@Nullable String project, String issueType, List<String> labels, List<String> components,
                     Map<String, String> priorityMap, Map<String, JsonNode> customFields,
                     List<String> notDoingResolutions) {

    static EffectiveJira of(JiraMapping mapping, CustomFieldTemplate templates) {
        return new EffectiveJira(mapping.project(), mapping.issueType(), mapping.labels(), mapping.components(),
                mapping.priorityMap(), templates.values(mapping.customFields()), mapping.notDoingResolutions());
    }
}
