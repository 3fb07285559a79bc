package dev.closeout.action;

import dev.closeout.storage.WireNameConverter;
import jakarta.inject.Singleton;

@Singleton
class OwnerSourceConverter extends WireNameConverter<OwnerSource> {

    OwnerSourceConverter() {
        super(OwnerSource::wireName, OwnerSource::fromWireName);
    }
}
