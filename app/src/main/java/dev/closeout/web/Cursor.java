package dev.closeout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset cursors: a page starts after the last id of the previous one, so rows inserted meanwhile
 * neither repeat nor shift a page. Opaque to clients so the key can change without breaking them.
 */
public final class Cursor {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String PREFIX = "id:";

    private Cursor() {
    }

    public static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The id the cursor points after, or null for the first page. */
    public static @Nullable Long decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return Long.parseLong(decoded.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                "cursor: '" + cursor + "' is not a cursor from a previous page's 'next'");
    }

    public static int limit(@Nullable Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                    "limit: must be between 1 and " + MAX_LIMIT + ", was " + requested);
        }
        return requested;
    }
}
