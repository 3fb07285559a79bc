package dev.closeout.jira;

import dev.closeout.integrations.jira.JiraTrackers;
import dev.closeout.integrations.tracker.IssueTracker;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

/** The Jira client, when the sync is on: a configuration that cannot work stops the start with its reasons. */
@Factory
class JiraTrackerFactory {

    @Singleton
    @Requires(property = JiraConfiguration.PREFIX + ".enabled", value = "true")
    IssueTracker jira(JiraConfiguration configuration) {
        var problems = configuration.problems();
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Jira sync is enabled (closeout.jira.enabled) but cannot start: "
                    + String.join("; ", problems));
        }
        return JiraTrackers.connect(configuration.connection());
    }
}
