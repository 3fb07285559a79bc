package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.uri.UriBuilder;

/**
 * The filters of {@code /postmortems} as given in its URL, under the API's names ({@code GET /api/postmortems}):
 * the form shows them again and the "next page" link keeps them, so every list can be bookmarked. {@code team} is
 * the pages' own: a team's postmortems as a token scoped to it lists them (the recurring-causes page links so).
 */
public record PostmortemListQuery(@Nullable String q, @Nullable String service, @Nullable String component,
                           @Nullable String trigger, @Nullable String from, @Nullable String to,
                           @Nullable String team, @Nullable Integer limit) {

    /** This list's URL from {@code cursor} on (null: its first page). */
    public String url(@Nullable String cursor) {
        UriBuilder uri = UriBuilder.of("/postmortems");
        add(uri, "q", q);
        add(uri, "service", service);
        add(uri, "component", component);
        add(uri, "trigger", trigger);
        add(uri, "from", from);
        add(uri, "to", to);
        add(uri, "team", team);
        if (limit != null) {
            uri.queryParam("limit", limit);
        }
        add(uri, "cursor", cursor);
        return uri.toString();
    }

    /** Whether any filter narrows the list. */
    public boolean filtered() {
        return q != null || service != null || component != null || trigger != null || from != null || to != null
                || team != null;
    }

    private static void add(UriBuilder uri, String name, @Nullable String value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }
}
