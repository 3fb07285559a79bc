package dev.closeout.integrations.tracker;

/**
 * The tracker refused the credentials (401) or the account lacks a permission (403): a configuration
 * problem that waiting does not fix.
 */
public final class TrackerAuthException extends TrackerException {

    public TrackerAuthException(String message, int status) {
        super(message, status, null);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
