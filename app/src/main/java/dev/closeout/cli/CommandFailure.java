package dev.closeout.cli;

/**
 * A command that cannot do its job for a reason a person can put right (a database it cannot open, a port in
 * use): its message is the one line printed, {@code closeout: MESSAGE}, and the command exits 2.
 */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }

    CommandFailure(String message) {
        super(message);
    }
}
