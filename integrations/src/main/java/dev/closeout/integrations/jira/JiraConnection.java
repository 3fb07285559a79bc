package dev.closeout.integrations.jira;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Jira. Secrets stay in here: {@link #toString()} leaves them out, and nothing else
 * prints them.
 *
 * @param baseUrl              the site, for example {@code https://acme.atlassian.net} (or the API gateway
 *                             {@code https://api.atlassian.com/ex/jira/<cloudId>}); no {@code /rest} part
 * @param flavour              Cloud or Data Center
 * @param email                Cloud: the account's e-mail
 * @param apiToken             Cloud: the account's API token
 * @param personalAccessToken  Data Center: the personal access token
 * @param connectTimeout       time to open a connection
 * @param readTimeout          time for a whole answer to one request
 * @param retry                how calls that are safe to repeat are repeated
 */
public record JiraConnection(URI baseUrl, JiraFlavour flavour, String email, String apiToken,
                             String personalAccessToken, Duration connectTimeout, Duration readTimeout,
                             RetryPolicy retry) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public JiraConnection {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(flavour, "flavour");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retry, "retry");
    }

    public static JiraConnection cloud(URI baseUrl, String email, String apiToken) {
        return new JiraConnection(baseUrl, JiraFlavour.CLOUD, email, apiToken, null, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, RetryPolicy.DEFAULT);
    }

    public static JiraConnection dataCenter(URI baseUrl, String personalAccessToken) {
        return new JiraConnection(baseUrl, JiraFlavour.DATA_CENTER, null, null, personalAccessToken,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, RetryPolicy.DEFAULT);
    }

    public JiraConnection withTimeouts(Duration connect, Duration read) {
        return new JiraConnection(baseUrl, flavour, email, apiToken, personalAccessToken, connect, read, retry);
    }

    public JiraConnection withRetry(RetryPolicy policy) {
        return new JiraConnection(baseUrl, flavour, email, apiToken, personalAccessToken, connectTimeout,
                readTimeout, policy);
    }

    @Override
    public String toString() {
        return "JiraConnection[" + flavour + " " + baseUrl + (email == null ? "" : " as " + email) + "]";
    }
}
