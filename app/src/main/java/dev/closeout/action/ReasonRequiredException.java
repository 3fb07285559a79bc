package dev.closeout.action;

/** Dropping a follow-up (not_doing) needs a reason, so whoever reads it later knows why. */
public class ReasonRequiredException extends RuntimeException {

    public ReasonRequiredException(ActionStatus to) {
        super("reason: required to move a follow-up to " + to.wireName());
    }
}
