package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

/** The facts about the incident itself: what it is called, what it hit, when, and how widely. */
public record IncidentFacts(@Nullable String title, @Nullable String service, Incident incident,
                            @Nullable Double impactPercent) {
}
