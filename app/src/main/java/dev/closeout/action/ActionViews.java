package dev.closeout.action;

import dev.closeout.team.TeamKeys;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        return of(actions, this.teamKeys.keysOf(actions.stream().map(ActionItem::teamId)
                .filter(Objects::nonNull).distinct().toList()));
    }

    /** The views of follow-ups whose teams' keys were read with them ({@code teamKeys}: team id to key). */
    public List<ActionItemResponse> of(List<ActionItem> actions, Map<Long, String> teamKeys) {
        LocalDate today = LocalDate.now(clock);
        return actions.stream().map(action -> ActionItemResponse.of(action,
                action.teamId() == null ? null : teamKeys.get(action.teamId()), today)).toList();
    }

    public ActionItemResponse of(ActionItem action) {
        return of(List.of(action)).get(0);
    }
}
