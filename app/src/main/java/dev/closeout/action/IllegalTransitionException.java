package dev.closeout.action;

import java.util.stream.Collectors;

/** A status move the lifecycle does not allow; the message names both statuses and the allowed moves. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(ActionStatus from, ActionStatus to) {
        super("status: a follow-up cannot move from " + from.wireName() + " to " + to.wireName() + "; from "
                + from.wireName() + " it can move to " + from.allowedMoves().stream().map(ActionStatus::wireName)
                .collect(Collectors.joining(" or ")));
    }
}
