package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A follow-up's version as HTTP carries it: the ETag {@code "<id>-<version>"}, which a client sends back
 * as {@code If-Match} so a change based on an old read is refused instead of silently undoing another.
 */
final class ActionVersion {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?(\\d+)-(\\d+)\"?");

    private ActionVersion() {
    }

    static long of(ActionItem action) {
        return action.version() == null ? 0 : action.version();
    }

    static String etag(ActionItem action) {
        return "\"" + action.id() + "-" + of(action) + "\"";
    }

    /**
     * The version an {@code If-Match} value names for follow-up {@code id}, or null when there is none.
     *
     * @throws IllegalArgumentException when the value is not an ETag of this follow-up
     */
    static @Nullable Long fromIfMatch(@Nullable String ifMatch, long id) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch.strip());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) != id) {
            throw new IllegalArgumentException("If-Match: '" + ifMatch + "' is not an ETag of action " + id
                    + "; send the ETag header of GET /api/actions/" + id);
        }
        return Long.parseLong(matcher.group(2));
    }
}
