package dev.closeout.action;

import dev.closeout.storage.WireNameConverter;
import jakarta.inject.Singleton;

@Singleton
class ActionStatusConverter extends WireNameConverter<ActionStatus> {

    ActionStatusConverter() {
        super(ActionStatus::wireName, ActionStatus::fromWireName);
    }
}
