package dev.closeout.integrations.jira;

/** Which Jira: the REST API version, authentication and description markup follow from it. */
public enum JiraFlavour {
    /** Jira Cloud, REST v3: basic auth with account e-mail and API token, descriptions in ADF. */
    CLOUD,
    /** Jira Data Center, REST v2: personal access token as Bearer, descriptions in wiki markup. */
    DATA_CENTER
}
