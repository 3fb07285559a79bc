package dev.closeout.integrations.jira.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Injected failures, keyed by the spec's operationId ("*" matches every operation). Rules are consulted in the order
 * they were added; the first that fires wins.
 */
public final class Faults {

    /** What to do with one request. */
    record Decision(Integer failStatus, Integer retryAfterSeconds, boolean loseResponse, Duration delay) {}

    private abstract static class Rule {
        final String operation;

        Rule(String operation) {
            this.operation = operation;
        }

        boolean applies(String op) {
            return operation.equals("*") || operation.equals(op);
        }
    }

    private static final class FailNext extends Rule {
        int remaining;
        final int status;
        final Integer retryAfter;

        FailNext(String op, int count, int status, Integer retryAfter) {
            super(op);
            this.remaining = count;
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    private static final class FailFraction extends Rule {
        final double fraction;
        final int status;
        final Random random;

        FailFraction(String op, double fraction, int status, long seed) {
            super(op);
            this.fraction = fraction;
            this.status = status;
            this.random = new Random(seed);
        }
    }

    private static final class Lose extends Rule {
        final double fraction;
        final Random random;

        Lose(String op, double fraction, long seed) {
            super(op);
            this.fraction = fraction;
            this.random = new Random(seed);
        }
    }

    private static final class Delay extends Rule {
        final Duration delay;

        Delay(String op, Duration delay) {
            super(op);
            this.delay = delay;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /** The next {@code count} matching requests fail with {@code status}; 429/503 carry Retry-After when given. */
    public synchronized Faults failNext(String operation, int count, int status, Integer retryAfterSeconds) {
        rules.add(new FailNext(operation, count, status, retryAfterSeconds));
        return this;
    }

    /** A deterministic (seeded) share of matching requests fails before anything is done. */
    public synchronized Faults failFraction(String operation, double fraction, int status, long seed) {
        rules.add(new FailFraction(operation, fraction, status, seed));
        return this;
    }

    /** A seeded share of matching requests is carried out, then the response is never sent. */
    public synchronized Faults loseResponses(String operation, double fraction, long seed) {
        rules.add(new Lose(operation, fraction, seed));
        return this;
    }

    public synchronized Faults delay(String operation, Duration delay) {
        rules.add(new Delay(operation, delay));
        return this;
    }

    public synchronized void clear() {
        rules.clear();
    }

    synchronized Decision decide(String operation) {
        Integer failStatus = null;
        Integer retryAfter = null;
        boolean lose = false;
        Duration delay = Duration.ZERO;
        for (Rule rule : rules) {
            if (!rule.applies(operation)) {
                continue;
            }
            if (rule instanceof Delay d) {
                delay = delay.plus(d.delay);
            } else if (failStatus == null && !lose && rule instanceof FailNext f && f.remaining > 0) {
                f.remaining--;
                failStatus = f.status;
                retryAfter = f.retryAfter;
            } else if (failStatus == null && !lose && rule instanceof FailFraction f && f.random.nextDouble() < f.fraction) {
                failStatus = f.status;
            } else if (failStatus == null && !lose && rule instanceof Lose l && l.random.nextDouble() < l.fraction) {
                lose = true;
            }
        }
        return new Decision(failStatus, retryAfter, lose, delay);
    }
}
