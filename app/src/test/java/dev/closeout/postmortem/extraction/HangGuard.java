package dev.closeout.postmortem.extraction;

import java.time.Duration;

/**
 * How long a robustness test lets one extraction run before calling it a hang. Not a speed target:
 * speed is measured in the JMH benchmarks (docs/benchmarks.md); this only keeps a runaway pattern from
 * stalling the build, so it is generous for a loaded CI machine.
 */
final class HangGuard {

    static final Duration LIMIT = Duration.ofSeconds(30);

    private HangGuard() {
    }
}
