package dev.closeout.security;

import dev.closeout.storage.WireNameConverter;
import jakarta.inject.Singleton;

@Singleton
class RoleConverter extends WireNameConverter<Role> {

    RoleConverter() {
        super(Role::wireName, Role::fromWireName);
    }
}
