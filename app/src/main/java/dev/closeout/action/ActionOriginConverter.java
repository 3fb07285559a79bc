package dev.closeout.action;

import dev.closeout.storage.WireNameConverter;
import jakarta.inject.Singleton;

@Singleton
class ActionOriginConverter extends WireNameConverter<ActionOrigin> {

    ActionOriginConverter() {
        super(ActionOrigin::wireName, ActionOrigin::fromWireName);
    }
}
