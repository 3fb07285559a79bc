package dev.closeout.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The 400 problem for query parameters a route does not take: the {@link Problem} members, plus two
 * extension members (RFC 9457, section 3.2) a client can act on without parsing {@code detail}:
 * {@code unknown_parameters} (what was sent and is not taken) and {@code accepted_parameters} (what is).
 */
@Serdeable
record UnknownQueryParameters(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<String> unknownParameters,
        List<String> acceptedParameters) {

    /** {@code route} as "GET /api/actions", named in the detail so the client sees which route answered. */
    static UnknownQueryParameters of(String path, String route, List<String> unknown, List<String> accepted) {
        String names = String.join(", ", unknown);
        String takes = accepted.isEmpty() ? "takes no query parameters"
                : "takes only " + String.join(", ", accepted);
        // "field: reason", as every other 400 names its field
        String detail = names + (unknown.size() == 1 ? ": unknown query parameter; " : ": unknown query parameters; ")
                + route + " " + takes;
        return new UnknownQueryParameters("about:blank", "Bad Request", 400, detail, path, unknown, accepted);
    }
}
