package dev.closeout.action;

/**
 * A request that does not fit whether the follow-up is dismissed: dismissing one twice, restoring one that is not
 * dismissed, changing one that is (it is no follow-up until restored).
 */
public class DismissalConflictException extends RuntimeException {

    public DismissalConflictException(String message) {
        super(message);
    }
}
