package dev.closeout.action;

/** A team-scoped token tried to hand a follow-up to another team (or to none). */
public class ActionOutOfReachException extends RuntimeException {

    public ActionOutOfReachException(String message) {
        super(message);
    }
}
