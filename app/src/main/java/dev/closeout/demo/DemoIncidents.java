package dev.closeout.demo;

import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionOrigin;
import dev.closeout.action.ActionStatus;
import dev.closeout.action.DueSource;
import dev.closeout.action.OwnerSource;
import dev.closeout.postmortem.ContentHash;
import dev.closeout.postmortem.Postmortem;
import dev.closeout.postmortem.extraction.TextDecoding;
import dev.closeout.storage.Columns;
import dev.closeout.team.DuePolicy;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes one demo incident: the postmortem as a team would write it (markdown with a summary, the root
 * cause, a timeline and an action-item table), stored as an import would store it, and its follow-ups
 * with the life each had since. Ids here are positions in the run (0, 1, ...); {@link DemoWriter} turns
 * them into the database's.
 */
final class DemoIncidents {

    /** A postmortem and its follow-ups, each with its history. */
    record Incident(Postmortem postmortem, List<FollowUpLife.Outcome> followUps) {
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String GROUP = "Action items";
    private static final String IMPORTER = "token:confluence-sync";

    private final DemoWorld world;
    private final Map<String, Long> teamIds;
    private final Map<Long, String> teamKeys;
    private final LocalDateTime end;

    DemoIncidents(DemoWorld world, Map<String, Long> teamIds, Map<Long, String> teamKeys, LocalDateTime end) {
        this.world = world;
        this.teamIds = teamIds;
        this.teamKeys = teamKeys;
        this.end = end;
    }

    /**
     * Incident {@code number} (as in INC-number), the {@code postmortemIndex}-th of the run, starting at
     * {@code start}; its follow-ups take the run positions from {@code firstActionIndex} on.
     */
    Incident make(SplittableRandom random, long number, long postmortemIndex, long firstActionIndex,
                  LocalDateTime start) {
        DemoWorld.DemoService service = world.drawService(random);
        DemoWorld.Cause cause = world.drawCause(service, random);
        String symptom = pick(random, DemoVocabulary.SYMPTOMS.get(cause.component()));
        LocalDateTime ended = start.plusMinutes(Math.max(4, Math.round(45 * Math.exp(0.9 * random.nextGaussian()))));
        // imported a few days after the incident, never after the end of the history
        long lagSeconds = Math.round(86_400 * Math.min(30, Math.max(0.05, 3 * Math.exp(0.8 * random.nextGaussian()))));
        LocalDateTime imported = min(start.plusSeconds(lagSeconds), end.minusMinutes(1));
        boolean startKnown = random.nextDouble() >= 0.03;
        Integer impact = random.nextDouble() < 0.15 ? null : 1 + random.nextInt(100);
        String title = "INC-" + number + ": " + capitalise(service.name()) + " " + symptom;
        String rootCause = DemoVocabulary.CAUSES.get(cause.trigger()).replace("{c}",
                DemoVocabulary.COMPONENT_WORDS.get(cause.component())).replace("{s}", service.name());

        DemoWorld.DemoTeam team = service.team();
        Long teamId = team == null ? null : teamIds.get(team.key());
        DuePolicy policy = team == null ? DemoWorld.GLOBAL_POLICY : DemoWorld.GLOBAL_POLICY.overriddenBy(team.policy());
        LocalDate countedFrom = (startKnown ? start : imported).toLocalDate();
        String head = head(title, service.name(), start, ended, startKnown, impact, symptom, rootCause);
        int firstRow = (int) head.chars().filter(c -> c == '\n').count() + 1;
        int count = actionCount(random);
        List<ActionItem> actions = new ArrayList<>(count);
        Set<String> texts = new HashSet<>();
        for (int position = 0; position < count; position++) {
            actions.add(action(random, postmortemIndex, firstActionIndex + position, position, firstRow + position,
                    service, cause, team, teamId, policy, countedFrom, imported, texts));
        }
        String text = TextDecoding.normalize(head + rows(actions));
        Postmortem postmortem = new Postmortem(postmortemIndex, "demo/" + service.name() + "/INC-" + number + ".md",
                Columns.fit(title, Columns.TITLE), service.name(), "markdown", startKnown ? start : null,
                startKnown ? ended : null, startKnown ? "UTC" : null,
                startKnown ? (int) Duration.between(start, ended).toMinutes() : null,
                impact == null ? null : BigDecimal.valueOf(impact), Columns.fit(rootCause, Columns.ROOT_CAUSE_SUMMARY),
                cause.component(), cause.trigger(), text, ContentHash.of(text), null, imported, imported);

        List<String> people = team == null ? List.of() : team.people();
        FollowUpLife life = new FollowUpLife(random, end, people, teamKeys, handover(random, team));
        return new Incident(postmortem, actions.stream().map(action -> life.live(action, IMPORTER)).toList());
    }

    private ActionItem action(SplittableRandom random, long postmortemIndex, long index, int position, int line,
                              DemoWorld.DemoService service, DemoWorld.Cause cause, @Nullable DemoWorld.DemoTeam team,
                              @Nullable Long teamId, DuePolicy policy, LocalDate countedFrom, LocalDateTime imported,
                              Set<String> texts) {
        boolean corrective = random.nextDouble() < 0.45;
        String text = null;
        for (int attempt = 0; attempt < 4 && (text == null || texts.contains(text)); attempt++) {
            String template = corrective ? pick(random, DemoVocabulary.CORRECTIVE.get(cause.component()))
                    : pick(random, DemoVocabulary.PREVENTATIVE);
            text = template.replace("{s}", service.name())
                    .replace("{c}", DemoVocabulary.COMPONENT_WORDS.get(cause.component()));
        }
        texts.add(text);
        String kind = corrective ? ActionItem.CORRECTIVE : ActionItem.PREVENTATIVE;
        String priority = random.nextDouble() < 0.35 ? null
                : DemoVocabulary.PRIORITIES.get(random.nextDouble() < 0.15 ? 0 : random.nextDouble() < 0.53 ? 1 : 2);
        boolean dueWritten = random.nextDouble() < 0.25;
        LocalDate due = dueWritten ? countedFrom.plusDays(7 + random.nextInt(54))
                : policy.dueDate(countedFrom, kind, priority);
        boolean ownerWritten = team != null && random.nextDouble() < 0.6;
        String owner = ownerWritten ? pick(random, team.people()) : team == null ? null : team.defaultOwner();
        String ticket = team != null && random.nextDouble() < 0.25 ? team.jiraProject() + "-" + (100 + random.nextInt(9900))
                : null;
        OwnerSource ownerSource = owner == null ? null : ownerWritten ? OwnerSource.SOURCE : OwnerSource.TEAM;
        return new ActionItem(index, postmortemIndex, position, text, kind, GROUP, owner, ownerSource, teamId, due,
                dueWritten ? DueSource.SOURCE : DueSource.POLICY, priority, ActionStatus.OPEN, null, ticket,
                line, false, ActionOrigin.ENGINE, false, null, imported, imported, null, null, 0L);
    }

    /** A tenth of a team's follow-ups could be handed to a neighbouring team. */
    private @Nullable FollowUpLife.Handover handover(SplittableRandom random, @Nullable DemoWorld.DemoTeam team) {
        List<DemoWorld.DemoTeam> teams = world.teams();
        if (team == null || teams.size() < 2) {
            return null;
        }
        DemoWorld.DemoTeam other = teams.get(random.nextInt(teams.size()));
        return other.equals(team) ? null : new FollowUpLife.Handover(teamIds.get(other.key()), other.defaultOwner());
    }

    /** 3 to about 20 follow-ups, 10 on average (3 plus a Poisson count of mean 7). */
    private static int actionCount(SplittableRandom random) {
        double limit = Math.exp(-7);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return 3 + count;
    }

    /** The postmortem up to the first row of its action-item table. */
    private static String head(String title, String service, LocalDateTime start, LocalDateTime ended,
                               boolean startKnown, @Nullable Integer impact, String symptom, String rootCause) {
        StringBuilder text = new StringBuilder(2_500);
        text.append("# ").append(title).append("\n\n");
        text.append("**Service:** ").append(service).append('\n');
        if (startKnown) {
            text.append("**Incident start:** ").append(MINUTE.format(start)).append(" UTC\n");
            text.append("**Incident end:** ").append(MINUTE.format(ended)).append(" UTC\n");
        }
        text.append("\n## Summary\n");
        text.append(capitalise(service)).append(" had ").append(symptom);
        if (impact != null) {
            text.append(", affecting about ").append(impact).append("% of requests");
        }
        text.append(". The on-call engineer was paged by the error-rate alert and the incident was declared ")
                .append("within minutes. Customers saw failed or slow requests until the change was rolled back ")
                .append("and the service recovered.\n\n");
        text.append("## Root cause\n").append(rootCause).append('\n');
        text.append("Nothing in review or in the rollout stages caught it, and the dashboards showed the symptom ")
                .append("rather than the cause, which made the first half hour slower than it should have been.\n\n");
        text.append("## Timeline\n");
        if (startKnown) {
            long minutes = Duration.between(start, ended).toMinutes();
            text.append("- ").append(MINUTE.format(start)).append(" first alert fires\n");
            text.append("- ").append(MINUTE.format(start.plusMinutes(Math.max(1, minutes / 6))))
                    .append(" on-call acknowledges and opens the incident channel\n");
            text.append("- ").append(MINUTE.format(start.plusMinutes(Math.max(2, minutes / 2))))
                    .append(" cause identified\n");
            text.append("- ").append(MINUTE.format(ended)).append(" service recovered\n\n");
        } else {
            text.append("- The exact times were not recorded.\n\n");
        }
        text.append("## Action items\n\n");
        text.append("| Action | Type | Owner | Due | Priority | Ticket |\n| --- | --- | --- | --- | --- | --- |\n");
        return text.toString();
    }

    /** The action-item table's rows: what the text says, before anyone changed anything in Closeout. */
    private static String rows(List<ActionItem> actions) {
        StringBuilder text = new StringBuilder(120 * actions.size());
        for (ActionItem action : actions) {
            text.append("| ").append(action.text()).append(" | ").append(action.kind()).append(" | ")
                    .append(action.owner() == null || action.owner().endsWith("-oncall") ? "" : action.owner())
                    .append(" | ").append(action.dueSource() == DueSource.SOURCE ? action.dueDate().toString() : "")
                    .append(" | ").append(action.priority() == null ? "" : action.priority())
                    .append(" | ").append(action.ticketRef() == null ? "" : action.ticketRef()).append(" |\n");
        }
        return text.toString();
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
