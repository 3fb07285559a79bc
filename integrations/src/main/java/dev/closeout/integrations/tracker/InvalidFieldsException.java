package dev.closeout.integrations.tracker;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tracker refused the request's content (400, 422): a field not on the screen, an unknown priority,
 * an unassignable user. Trying again unchanged fails the same way.
 *
 * @see #fieldErrors() Jira's {@code errors} map, field id → message
 */
public final class InvalidFieldsException extends TrackerException {

    private final Map<String, String> fieldErrors;
    private final List<String> messages;

    public InvalidFieldsException(int status, Map<String, String> fieldErrors, List<String> messages) {
        super(describe(fieldErrors, messages), status, null);
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.messages = List.copyOf(messages);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public List<String> messages() {
        return messages;
    }

    @Override
    public boolean isTransient() {
        return false;
    }

    private static String describe(Map<String, String> fieldErrors, List<String> messages) {
        String text = Stream.concat(messages.stream(),
                        fieldErrors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                                .map(e -> e.getKey() + ": " + e.getValue()))
                .collect(Collectors.joining("; "));
        return text.isEmpty() ? "the tracker refused the request" : text;
    }
}
