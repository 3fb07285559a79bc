package dev.closeout.integrations.jira.fake;

/**
 * Which flavour of Jira a representation is for: Cloud REST v3 (ADF, accountIds), Data Center REST v2 (wiki markup,
 * usernames), or the v2 shape Cloud uses in webhook payloads (wiki markup, accountIds).
 */
enum Api {
    CLOUD("3", true, true),
    DATA_CENTER("2", false, false),
    CLOUD_WEBHOOK("2", false, true);

    final String version;
    /** Descriptions are Atlassian Document Format rather than wiki markup. */
    final boolean adf;
    /** Users are named by accountId rather than username. */
    final boolean accountIds;

    Api(String version, boolean adf, boolean accountIds) {
        this.version = version;
        this.adf = adf;
        this.accountIds = accountIds;
    }

    /** The flavour of a request path's version segment. */
    static Api ofPath(String version) {
        return "2".equals(version) ? DATA_CENTER : CLOUD;
    }

    String prefix() {
        return "/rest/api/" + version;
    }
}
