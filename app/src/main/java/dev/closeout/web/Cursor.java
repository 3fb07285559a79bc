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
    private static final String KEY_PREFIX = "key:";

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

    /**
     * Where a page of a list sorted by {@code sort} ends: the last row's sort value (null when the row has
     * none) and its id, which breaks ties so rows with equal values are neither repeated nor skipped.
     */
    public record Key(String sort, @Nullable String value, long id) {
    }

    public static String encode(Key key) {
        String text = KEY_PREFIX + key.sort() + ":" + key.id() + (key.value() == null ? "" : ":" + key.value());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key the cursor points after, or null for the first page; a cursor from a list in another order
     * is refused, since its key means nothing in this one.
     */
    public static @Nullable Key decode(@Nullable String cursor, String sort) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(":", 4);
            if (parts.length >= 3 && (parts[0] + ":").equals(KEY_PREFIX)) {
                if (!parts[1].equals(sort)) {
                    throw new HttpStatusException(HttpStatus.BAD_REQUEST, "cursor: it is from a list sorted by '"
                            + parts[1] + "', not '" + sort + "'; start again without a cursor");
                }
                return new Key(sort, parts.length == 4 ? parts[3] : null, Long.parseLong(parts[2]));
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
