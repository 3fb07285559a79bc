package dev.closeout.team;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.Map;

/**
 * The global due-date policy under {@code closeout.policy}; a team's own policy overrides it value by
 * value. The defaults follow Atlassian's practice for priority actions: four weeks to fix, eight to
 * prevent.
 *
 * @param correctiveDays   days after the incident a corrective action (or one of unknown kind) is due
 *                         (env {@code CLOSEOUT_POLICY_CORRECTIVE_DAYS}), default 28
 * @param preventativeDays days after the incident a preventative action is due
 *                         (env {@code CLOSEOUT_POLICY_PREVENTATIVE_DAYS}), default 56
 * @param priorityDays     days by priority, whatever the kind, e.g. {@code closeout.policy.priority-days.p0=7};
 *                         priorities compare case-insensitively; empty by default
 */
@ConfigurationProperties(DuePolicyConfiguration.PREFIX)
public record DuePolicyConfiguration(@Bindable(defaultValue = "28") int correctiveDays,
                                     @Bindable(defaultValue = "56") int preventativeDays,
                                     @Nullable Map<String, Integer> priorityDays) {

    public static final String PREFIX = "closeout.policy";

    /** The policy these settings describe; throws {@link IllegalArgumentException} naming a bad setting. */
    public DuePolicy policy() {
        return new DuePolicy(correctiveDays, preventativeDays, priorityDays).validated(PREFIX);
    }
}
