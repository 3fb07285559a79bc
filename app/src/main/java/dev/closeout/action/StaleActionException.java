package dev.closeout.action;

/** Someone else changed the follow-up after the version the client based its change on. */
public class StaleActionException extends RuntimeException {

    public StaleActionException(long version) {
        super("version: the action changed since version " + version + "; re-read it");
    }
}
