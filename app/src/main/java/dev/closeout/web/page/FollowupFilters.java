package dev.closeout.web.page;

import dev.closeout.action.ActionListParams;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.uri.UriBuilder;

import java.util.List;
import java.util.stream.Stream;

/**
 * The filters of {@code /follow-ups}: the query parameters of {@code GET /api/actions}, by the same names, so each
 * filtered view is a URL to bookmark and the API's list of the same follow-ups is that URL's query. The filter
 * form sends its empty fields too; they mean "any", not a blank value the API would refuse.
 *
 * @param params the filters given, without blanks
 * @param tidied whether blanks were left out: the page then sends the browser to the tidy URL, the one to keep
 */
record FollowupFilters(ActionListParams params, boolean tidied) {

    static final String PATH = "/follow-ups";

    static FollowupFilters of(ActionListParams sent) {
        List<String> statuses = sent.status() == null ? List.of()
                : sent.status().stream().filter(status -> !status.isBlank()).toList();
        ActionListParams params = new ActionListParams(statuses.isEmpty() ? null : statuses, given(sent.team()),
                given(sent.owner()), given(sent.overdue()), given(sent.dueBefore()), given(sent.kind()),
                given(sent.component()), given(sent.trigger()), given(sent.postmortem()), given(sent.q()),
                given(sent.sort()), sent.limit(), given(sent.cursor()));
        boolean blanks = statuses.size() < (sent.status() == null ? 0 : sent.status().size())
                || Stream.of(sent.team(), sent.owner(), sent.overdue(), sent.dueBefore(), sent.kind(), sent.component(),
                sent.trigger(), sent.postmortem(), sent.q(), sent.sort(), sent.cursor())
                .anyMatch(value -> value != null && value.isBlank());
        return new FollowupFilters(params, blanks);
    }

    /** The status the filter form shows as chosen: the one asked for, none when several are. */
    @Nullable String status() {
        return params.status() != null && params.status().size() == 1 ? params.status().get(0) : null;
    }

    boolean overdue() {
        return "true".equalsIgnoreCase(params.overdue());
    }

    /** This view's URL, on its page of {@code cursor} (null: the first). */
    String url(@Nullable String cursor) {
        UriBuilder uri = UriBuilder.of(PATH);
        if (params.status() != null) {
            params.status().forEach(status -> uri.queryParam("status", status));
        }
        add(uri, "team", params.team());
        add(uri, "owner", params.owner());
        add(uri, "overdue", params.overdue());
        add(uri, "due_before", params.dueBefore());
        add(uri, "kind", params.kind());
        add(uri, "component", params.component());
        add(uri, "trigger", params.trigger());
        add(uri, "postmortem", params.postmortem());
        add(uri, "q", params.q());
        add(uri, "sort", params.sort());
        add(uri, "limit", params.limit() == null ? null : params.limit().toString());
        add(uri, "cursor", cursor);
        return uri.toString();
    }

    /** This view as shown now. */
    String url() {
        return url(params.cursor());
    }

    private static void add(UriBuilder uri, String name, @Nullable String value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    private static @Nullable String given(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
