package dev.closeout.integrations.tracker;

/**
 * A remote link from a ticket back to its postmortem in Closeout.
 *
 * @param globalId  identifies the link on the ticket: linking again with it replaces the link
 * @param target    where it points
 * @param summary   a line under the title
 * @param resolved  whether the follow-up is closed in Closeout
 */
public record BackLink(String globalId, Target target, String summary, boolean resolved) {

    /** A titled URL. */
    public record Target(String title, String url) {
    }
}
