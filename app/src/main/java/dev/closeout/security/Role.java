package dev.closeout.security;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a token may do. Each role includes the ones before it: editors read, admins edit. The names
 * for {@code @Secured} are in {@link Roles}.
 */
@Serdeable
@TypeDef(type = DataType.STRING, converter = RoleConverter.class)
public enum Role {
    READER,
    EDITOR,
    ADMIN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role names a holder of this role is granted: its own and every lesser one. */
    public List<String> granted() {
        return Arrays.stream(values()).filter(role -> role.ordinal() <= ordinal()).map(Role::wireName).toList();
    }

    public static Role fromWireName(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + value + "'; one of "
                + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", ")));
    }
}
