package dev.closeout.action;

import dev.closeout.team.TeamKeys;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns follow-ups into their API view: team keys looked up once per list, "overdue" as of today. */
@Singleton
public class ActionViews {

    private final TeamKeys teamKeys;
    private final Clock clock;

    ActionViews(TeamKeys teamKeys, Clock clock) {
        this.teamKeys = teamKeys;
        this.clock = clock;
    }

    public List<ActionItemResponse> of(List<ActionItem> actions) {
        return of(actions, Map.of());
    }

    private static Map<Long, String> merged(Map<Long, String> known, Map<Long, String> lookedUp) {
        Map<Long, String> all = new HashMap<>(known);
        all.putAll(lookedUp);
        return all;
    }

    /**
     * The views of follow-ups whose teams' keys were read with them ({@code known}: team id to key); only keys
     * missing from it are looked up.
     */
    public List<ActionItemResponse> of(List<ActionItem> actions, Map<Long, String> known) {
        List<Long> missing = actions.stream().map(ActionItem::teamId)
                .filter(teamId -> teamId != null && !known.containsKey(teamId)).distinct().toList();
        Map<Long, String> teamKeys = missing.isEmpty() ? known : merged(known, this.teamKeys.keysOf(missing));
        LocalDate today = LocalDate.now(clock);
        return actions.stream().map(action -> ActionItemResponse.of(action,
                action.teamId() == null ? null : teamKeys.get(action.teamId()), today)).toList();
    }

    public ActionItemResponse of(ActionItem action) {
        return of(List.of(action)).get(0);
    }
}
