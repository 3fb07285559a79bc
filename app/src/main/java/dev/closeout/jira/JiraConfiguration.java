package dev.closeout.jira;

import dev.closeout.integrations.jira.JiraConnection;
import dev.closeout.integrations.jira.JiraFlavour;
import dev.closeout.integrations.jira.RetryPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Jira sync settings under {@code closeout.jira} (env {@code CLOSEOUT_JIRA_BASE_URL} and so on). Teams'
 * own mappings are {@link JiraTeamConfiguration}s or set on the team through the API.
 *
 * @param enabled             turns the sync on (default false): tickets are queued, created, read back
 * @param baseUrl             the Jira site, e.g. {@code https://acme.atlassian.net}, without {@code /rest}
 * @param flavour             {@code cloud} (REST v3, e-mail + API token) or {@code data-center} (REST v2,
 *                            personal access token); default cloud
 * @param email               Cloud: the e-mail of the account tickets are created as
 * @param apiToken            Cloud: that account's API token (a secret: never logged)
 * @param personalAccessToken Data Center: the personal access token (a secret: never logged)
 * @param webhookSecret       the secret Jira signs webhook deliveries with; without it every delivery is refused
 * @param defaultProject      the project for follow-ups whose team names none
 * @param issueType           the issue type of new tickets, default {@code Task}
 * @param syncInterval        pause between passes of the sync worker (creates, links, pushes), default 30s
 * @param reconcileInterval   pause between reconciliations (tickets updated in Jira read back), default 5m
 * @param reconcileOverlap    how far each reconciliation reads back before the previous one started, default 10m
 * @param notDoingResolutions resolutions of a done ticket that mean not_doing, default Won't Do, Duplicate
 * @param connectTimeout      time to open a connection to Jira, default 5s
 * @param readTimeout         time for Jira's whole answer to one request, default 30s
 * @param retryAttempts       tries of a call that is safe to repeat, default 4
 * @param maxBackoff          the longest pause between tries (Retry-After included), default 30s
 * @param searchSettle        after a create with an unknown outcome, how long a label search that finds
 *                            nothing is trusted to be late (Jira's search is eventually consistent) before
 *                            the ticket is created again, default 30s
 * @param publicUrl           Closeout's own address, for the link back from each ticket to its postmortem
 * @param retryDelay          pause before a ticket whose last try failed for a passing reason is tried again;
 *                            doubled at each further failure, default 30s
 * @param maxRetryDelay       the longest such pause, default 1h
 * @param claimLease          how long a worker owns the tickets it took; another worker (or this one after a
 *                            restart) takes them again only after it, default 10m
 * @param remoteLinks         whether each ticket gets a remote link back to its postmortem (one request per
 *                            ticket: Jira has no bulk call for them); the description links back either way,
 *                            default true
 * @param concurrency         requests a worker has in flight at once for per-ticket calls (remote links,
 *                            pushes), default 4
 */
@ConfigurationProperties(JiraConfiguration.PREFIX)
public record JiraConfiguration(
        @Bindable(defaultValue = "false") boolean enabled,
        @Nullable URI baseUrl,
        @Bindable(defaultValue = "cloud") String flavour,
        @Nullable String email,
        @Nullable String apiToken,
        @Nullable String personalAccessToken,
        @Nullable String webhookSecret,
        @Nullable String defaultProject,
        @Bindable(defaultValue = "Task") String issueType,
        @Bindable(defaultValue = "30s") Duration syncInterval,
        @Bindable(defaultValue = "5m") Duration reconcileInterval,
        @Bindable(defaultValue = "10m") Duration reconcileOverlap,
        @Bindable(defaultValue = "Won't Do,Duplicate") List<String> notDoingResolutions,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "30s") Duration readTimeout,
        @Bindable(defaultValue = "4") int retryAttempts,
        @Bindable(defaultValue = "30s") Duration maxBackoff,
        @Bindable(defaultValue = "30s") Duration searchSettle,
        @Bindable(defaultValue = "http://localhost:8080") URI publicUrl,
        @Bindable(defaultValue = "30s") Duration retryDelay,
        @Bindable(defaultValue = "1h") Duration maxRetryDelay,
        @Bindable(defaultValue = "10m") Duration claimLease,
        @Bindable(defaultValue = "true") boolean remoteLinks,
        @Bindable(defaultValue = "4") int concurrency) {

    public static final String PREFIX = "closeout.jira";

    /** The flavour setting read; throws {@link IllegalArgumentException} naming the setting when unknown. */
    public JiraFlavour jiraFlavour() {
        return switch (flavour.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "cloud" -> JiraFlavour.CLOUD;
            case "data-center", "datacenter", "data_center", "dc" -> JiraFlavour.DATA_CENTER;
            default -> throw new IllegalArgumentException(PREFIX + ".flavour: must be cloud or data-center, was '"
                    + flavour + "'");
        };
    }

    /** What is missing or wrong for a connection, in plain words; empty when it can be tried. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (concurrency < 1 || concurrency > 32) {
            problems.add(PREFIX + ".concurrency must be 1 to 32, was " + concurrency);
        }
        if (baseUrl == null) {
            problems.add(PREFIX + ".base-url (CLOSEOUT_JIRA_BASE_URL) is not set");
        } else if (baseUrl.getScheme() == null || !baseUrl.getScheme().startsWith("http")) {
            problems.add(PREFIX + ".base-url must be an http(s) URL, was '" + baseUrl + "'");
        }
        JiraFlavour kind;
        try {
            kind = jiraFlavour();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return problems;
        }
        if (kind == JiraFlavour.CLOUD) {
            if (blank(email)) {
                problems.add(PREFIX + ".email (CLOSEOUT_JIRA_EMAIL) is not set: Jira Cloud needs the account's e-mail");
            }
            if (blank(apiToken)) {
                problems.add(PREFIX + ".api-token (CLOSEOUT_JIRA_API_TOKEN) is not set: Jira Cloud needs an API token");
            }
        } else if (blank(personalAccessToken)) {
            problems.add(PREFIX + ".personal-access-token (CLOSEOUT_JIRA_PERSONAL_ACCESS_TOKEN) is not set: "
                    + "Jira Data Center needs a personal access token");
        }
        return problems;
    }

    /** How to reach Jira; call only when {@link #problems()} is empty. */
    public JiraConnection connection() {
        URI base = URI.create(baseUrl.toString().replaceAll("/+$", ""));
        JiraConnection connection = jiraFlavour() == JiraFlavour.CLOUD
                ? JiraConnection.cloud(base, email.strip(), apiToken.strip())
                : JiraConnection.dataCenter(base, personalAccessToken.strip());
        return connection.withTimeouts(connectTimeout, readTimeout)
                .withRetry(new RetryPolicy(retryAttempts, Duration.ofMillis(500), maxBackoff));
    }

    @Override
    public String toString() {
        // the record's own toString would print the secrets
        return "JiraConfiguration[enabled=" + enabled + ", baseUrl=" + baseUrl + ", flavour=" + flavour + "]";
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
