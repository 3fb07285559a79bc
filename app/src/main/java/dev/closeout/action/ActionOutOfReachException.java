package dev.closeout.action;

/** A team-scoped token asked about, or for, a follow-up of another team (or of none). */
public class ActionOutOfReachException extends RuntimeException {

    public ActionOutOfReachException(String message) {
        super(message);
    }
}
