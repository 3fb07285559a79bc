package dev.closeout.web.page;

import dev.closeout.postmortem.PostmortemResponse;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/** One fact of a postmortem's incident as its page lists it; facts the text did not give are left out. */
public record PostmortemFact(String label, String value) {

    static List<PostmortemFact> of(PostmortemResponse postmortem) {
        List<PostmortemFact> facts = new ArrayList<>();
        PostmortemResponse.IncidentView incident = postmortem.incident();
        add(facts, "Service", postmortem.service());
        add(facts, "Incident start", incident.start());
        add(facts, "Incident end", incident.end());
        add(facts, "Duration", duration(incident.durationMinutes()));
        add(facts, "Time zone", incident.zone());
        add(facts, "Impact", postmortem.impactPercent() == null ? null
                : postmortem.impactPercent().stripTrailingZeros().toPlainString() + "%");
        add(facts, "Source", postmortem.source());
        add(facts, "Format", postmortem.format());
        add(facts, "Imported", postmortem.createdAt().toString());
        add(facts, "Corrected by a person", postmortem.correctedFields().isEmpty() ? null
                : String.join(", ", postmortem.correctedFields()));
        return List.copyOf(facts);
    }

    static @Nullable String duration(@Nullable Integer minutes) {
        if (minutes == null) {
            return null;
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    private static void add(List<PostmortemFact> facts, String label, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new PostmortemFact(label, value));
        }
    }
}
