package dev.closeout.postmortem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.closeout.action.ActionItem;
import dev.closeout.action.DueSource;
import dev.closeout.action.OwnerSource;
import dev.closeout.postmortem.extraction.Incident;
import dev.closeout.postmortem.extraction.RootCause;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A postmortem as it stands after people's corrections, in the label schema of the corpus
 * (shared/corpus/LABELING.md, the shape of its NAME.json files), so a team can build its own labelled set: the
 * facts as corrected, and the follow-ups still in the text and not dismissed, people's additions among them, in
 * document order. Each follow-up's owner and due date are those the text or a person gave: a team's default
 * owner and a date of the due-date policy are not the text's, and are null here, as the labels have them.
 * {@code format} (the template the author followed: google-sre, pagerduty, ...) is the labeller's to say:
 * Closeout records how it read the text, not which template it follows, so it is null.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PostmortemLabels(
        @Nullable String source,
        @Nullable String format,
        @Nullable String title,
        @Nullable String service,
        Incident incident,
        @Nullable Double impactPercent,
        RootCause rootCause,
        List<Action> actions) {

    /** One follow-up as the label schema has it; {@code sourceLine} is where the text has it (1-based). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Action(String text, @Nullable String kind, @Nullable String group, @Nullable String owner,
                         @Nullable LocalDate due, @Nullable String priority, @Nullable String ticket,
                         @Nullable Integer sourceLine) {

        static Action of(ActionItem followUp) {
            return new Action(followUp.text(), followUp.kind(), followUp.group(),
                    followUp.ownerSource() == OwnerSource.TEAM ? null : followUp.owner(),
                    followUp.dueSource() == DueSource.POLICY ? null : followUp.dueDate(), followUp.priority(),
                    followUp.ticketRef(), followUp.sourceLine());
        }
    }

    /** The labels of {@code postmortem} with {@code followUps}: its follow-ups a caller sees, in position order. */
    static PostmortemLabels of(Postmortem postmortem, List<ActionItem> followUps) {
        return new PostmortemLabels(postmortem.sourceRef(), null, postmortem.title(), postmortem.service(),
                new Incident(IncidentTimes.toDisplay(postmortem.incidentStart(), postmortem.incidentZone()),
                        IncidentTimes.toDisplay(postmortem.incidentEnd(), postmortem.incidentZone()),
                        postmortem.durationMinutes()),
                postmortem.impactPercent() == null ? null : postmortem.impactPercent().doubleValue(),
                new RootCause(postmortem.rootCauseSummary(), postmortem.rootCauseComponent(),
                        postmortem.rootCauseTrigger()),
                inDocumentOrder(followUps).stream().map(Action::of).toList());
    }

    /**
     * The follow-ups still in the text and not dismissed, by the line they are on. One without a line (a person's
     * addition they placed nowhere) stays after the one it follows in the postmortem.
     */
    private static List<ActionItem> inDocumentOrder(List<ActionItem> followUps) {
        record Placed(ActionItem followUp, int line, int index) {
        }
        List<Placed> placed = new ArrayList<>();
        int line = 0;
        for (ActionItem followUp : followUps) {
            if (followUp.removedFromSource() || followUp.dismissed()) {
                continue;
            }
            line = followUp.sourceLine() == null ? line : followUp.sourceLine();
            placed.add(new Placed(followUp, line, placed.size()));
        }
        placed.sort(Comparator.comparingInt(Placed::line).thenComparingInt(Placed::index));
        return placed.stream().map(Placed::followUp).toList();
    }
}
