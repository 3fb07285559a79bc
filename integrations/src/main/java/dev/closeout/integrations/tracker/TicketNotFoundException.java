package dev.closeout.integrations.tracker;

/** The ticket does not exist, or the account may not see it (Jira does not tell the two apart). */
public final class TicketNotFoundException extends TrackerException {

    private final String idOrKey;

    public TicketNotFoundException(String idOrKey) {
        super("ticket " + idOrKey + " does not exist or is not visible to the configured account", 404, null);
        this.idOrKey = idOrKey;
    }

    public String idOrKey() {
        return idOrKey;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
