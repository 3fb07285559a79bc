package dev.closeout.integrations.jira.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource of the fake: method, path template under {@code /rest/api/{2|3}/} ({@code {}} is one path segment),
 * and the spec's operationId, which names it in fault rules and the request log.
 */
record Route(String method, Pattern pattern, String operationId, Handler handler) {

    @FunctionalInterface
    interface Handler {
        Response handle(Request request);
    }

    /** {@code versions} is "23" for both flavours, "3" for Cloud only, "2" for Data Center only. */
    static Route of(String method, String versions, String template, String operationId, Handler handler) {
        String regex = "^/rest/api/([" + versions + "])/" + Pattern.quote(template).replace("{}", "\\E([^/]+)\\Q") + "$";
        return new Route(method, Pattern.compile(regex), operationId, handler);
    }

    /** The version segment followed by the path parameters, when this route serves the request. */
    Optional<List<String>> match(String requestMethod, String path) {
        if (!method.equals(requestMethod)) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> groups = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            groups.add(m.group(i));
        }
        return Optional.of(groups);
    }
}
