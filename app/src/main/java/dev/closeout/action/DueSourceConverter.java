package dev.closeout.action;

import dev.closeout.storage.WireNameConverter;
import jakarta.inject.Singleton;

@Singleton
class DueSourceConverter extends WireNameConverter<DueSource> {

    DueSourceConverter() {
        super(DueSource::wireName, DueSource::fromWireName);
    }
}
