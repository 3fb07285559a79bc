package dev.closeout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.ReferencePath;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A 4xx {@code detail} in the API's words: the field (as the client spells it) and what is wrong with it.
 * Micronaut's and Jackson's messages name Java arguments, classes and parser internals ("Failed to
 * convert argument [request]", "at [Source: REDACTED (`StreamReadFeature…`)"); a client can act on
 * none of that, and a stranger learns how the server is built.
 */
final class ProblemDetail {

    /** Jackson's location suffix; its line and column are worth keeping. */
    private static final Pattern SOURCE = Pattern.compile(
            "\\s*at \\[Source:.*?line: (\\d+), column: (\\d+)\\]", Pattern.DOTALL);
    private static final Pattern CONVERSION = Pattern.compile(
            "Failed to convert argument \\[[^\\]]*\\] for value \\[[^\\]]*\\] due to: ", Pattern.DOTALL);
    /** A fully qualified Java name, e.g. java.lang.Long or dev.closeout.action.ActionStatus. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][\\w$]*");
    /** A bare exception or error class name, e.g. NumberFormatException. */
    private static final Pattern THROWABLE = Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");
    /** The names the controllers give their JSON bodies, which are no field a client sent. */
    private static final Set<String> BODY_ARGUMENTS = Set.of("body", "request", "items");

    private ProblemDetail() {
    }

    /**
     * {@code message} told as {@code field: reason} when {@code cause} says which argument or JSON property
     * failed to convert, and stripped of Java names either way.
     */
    static String of(String message, @Nullable Throwable cause) {
        if (cause == null || cause instanceof HttpStatusException
                || cause.getClass().getName().startsWith("dev.closeout")) {
            // our own wording, which may quote what the client sent (a label with a tab) exactly
            return message;
        }
        String field = field(cause);
        String reason = clean(CONVERSION.matcher(message).replaceAll(""));
        if (field == null || reason.startsWith(field + ":")) {
            return reason;
        }
        return field + ": " + reason;
    }

    /** The client's name of what failed to convert: a JSON property path, else a query or path parameter. */
    private static @Nullable String field(@Nullable Throwable cause) {
        String argument = null;
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SerdeException serde && !serde.getPath().isEmpty()) {
                return serde.getPath().stream().map(ProblemDetail::propertyName).collect(Collectors.joining("."));
            }
            if (t instanceof ConversionErrorException conversion && argument == null) {
                argument = conversion.getArgument().getName();
            }
        }
        if (argument != null && BODY_ARGUMENTS.contains(argument)) {
            return "body";
        }
        return argument == null ? null : NameUtils.underscoreSeparate(argument).toLowerCase(java.util.Locale.ROOT);
    }

    /** JSON properties are snake_case on the wire (micronaut.serde.property-naming-strategy). */
    private static String propertyName(ReferencePath path) {
        return NameUtils.underscoreSeparate(path.getArgument().getName()).toLowerCase(java.util.Locale.ROOT);
    }

    static String clean(String message) {
        Matcher location = SOURCE.matcher(message);
        String text = location.replaceAll(" (line $1, column $2)");
        text = QUALIFIED.matcher(text).replaceAll("value");
        text = THROWABLE.matcher(text).replaceAll("");
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
