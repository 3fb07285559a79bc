package dev.closeout.action;

public class ActionNotFoundException extends RuntimeException {

    public ActionNotFoundException(long id) {
        super("no action with id " + id);
    }
}
