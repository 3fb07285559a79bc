package dev.closeout.integrations.jira;

import dev.closeout.integrations.tracker.IssueTracker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Makes the {@link IssueTracker} for a {@link JiraConnection}: the Cloud adapter (REST v3, e-mail and API
 * token) or the Data Center adapter (REST v2, personal access token).
 */
public final class JiraTrackers {

    /**
     * The issue property that carries Closeout's action id, {@code {"actionId": 123}}; tickets are created
     * and claimed with it and read back through it.
     */
    public static final String PROPERTY_KEY = "closeout.action";

    private JiraTrackers() {
    }

    /**
     * The adapter for the connection's flavour. Nothing is sent yet: call {@link IssueTracker#currentUser()}
     * to prove the credentials.
     *
     * @throws IllegalArgumentException when the flavour's credentials are missing
     */
    public static IssueTracker connect(JiraConnection connection) {
        return connect(connection, Sleeper.REAL);
    }

    static IssueTracker connect(JiraConnection connection, Sleeper sleeper) {
        return switch (connection.flavour()) {
            case CLOUD -> {
                require(connection.email(), "closeout.jira.email");
                require(connection.apiToken(), "closeout.jira.api-token");
                String basic = Base64.getEncoder().encodeToString(
                        (connection.email() + ":" + connection.apiToken()).getBytes(StandardCharsets.UTF_8));
                yield new JiraCloudTracker(new JiraHttp(connection, JiraCloudTracker.API_PATH, "Basic " + basic,
                        "closeout.jira.email and closeout.jira.api-token", sleeper));
            }
            case DATA_CENTER -> {
                require(connection.personalAccessToken(), "closeout.jira.personal-access-token");
                yield new JiraDataCenterTracker(new JiraHttp(connection, JiraDataCenterTracker.API_PATH,
                        "Bearer " + connection.personalAccessToken(), "closeout.jira.personal-access-token",
                        sleeper));
            }
        };
    }

    private static void require(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is not set");
        }
    }
}
