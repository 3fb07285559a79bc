package dev.closeout.action;

/** Dropping a follow-up (not_doing) or dismissing one needs a reason, so whoever reads it later knows why. */
public class ReasonRequiredException extends RuntimeException {

    public ReasonRequiredException(ActionStatus to) {
        super("reason: required to move a follow-up to " + to.wireName());
    }

    private ReasonRequiredException(String message) {
        super(message);
    }

    static ReasonRequiredException toDismiss() {
        return new ReasonRequiredException("reason: required to dismiss a follow-up; say why it is no follow-up");
    }
}
