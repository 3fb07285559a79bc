package dev.closeout.cli;

import io.micronaut.core.annotation.Nullable;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How much the log says. The service ({@code serve}) logs INFO; a one-off command prints what it did and its own
 * errors, and its log only warnings and errors, unless {@code --verbose}. {@code CLOSEOUT_LOG_LEVEL} (an
 * environment variable or system property, read by logback.xml) sets the level of both.
 * <p>
 * logback reads its configuration, and with it the level, when the first logger is asked for: that is after the
 * command line is parsed, so the level is set here as a system property before the command runs. Libraries that
 * log through java.util.logging (the MySQL driver's OpenTelemetry probe) are quietened with the root of that log.
 */
final class CommandLogging implements AutoCloseable {

    static final String LEVEL_VARIABLE = "CLOSEOUT_LOG_LEVEL";

    private final String previousLevel;
    private final Level previousJulLevel;

    private CommandLogging() {
        previousLevel = System.getProperty(LEVEL_VARIABLE);
        previousJulLevel = Logger.getLogger("").getLevel();
        System.setProperty(LEVEL_VARIABLE, "WARN");
        Logger.getLogger("").setLevel(Level.WARNING);
    }

    /**
     * The log set for a one-off command until {@link #close()}, or null when it stays as configured: for the
     * service, with {@code --verbose}, or when {@code CLOSEOUT_LOG_LEVEL} is set.
     */
    static @Nullable CommandLogging forCommand(boolean service, boolean verbose) {
        if (service || verbose || System.getenv(LEVEL_VARIABLE) != null || System.getProperty(LEVEL_VARIABLE) != null) {
            return null;
        }
        return new CommandLogging();
    }

    /** Puts the levels back, for a JVM that goes on after the command (the tests run commands in theirs). */
    @Override
    public void close() {
        if (previousLevel == null) {
            System.clearProperty(LEVEL_VARIABLE);
        } else {
            System.setProperty(LEVEL_VARIABLE, previousLevel);
        }
        Logger.getLogger("").setLevel(previousJulLevel);
    }
}
