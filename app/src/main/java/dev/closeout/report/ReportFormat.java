package dev.closeout.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.exceptions.HttpStatusException;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a report is answered: JSON by default, CSV for spreadsheets, Markdown for a digest a person pastes,
 * aligned text for a terminal (command line only). Chosen by {@code ?format=} first, then by {@code Accept}.
 */
public enum ReportFormat {
    JSON("json", MediaType.APPLICATION_JSON),
    CSV("csv", "text/csv"),
    MARKDOWN("markdown", "text/markdown"),
    TEXT("text", MediaType.TEXT_PLAIN);

    /** The media types a report route declares in {@code @Produces}, so Accept can ask for each. */
    public static final String[] HTTP_TYPES = {MediaType.APPLICATION_JSON, "text/csv", "text/markdown"};

    private final String wireName;
    private final String mediaType;

    ReportFormat(String wireName, String mediaType) {
        this.wireName = wireName;
        this.mediaType = mediaType;
    }

    public String wireName() {
        return wireName;
    }

    /** The Content-Type of an answer in this format; text is UTF-8. */
    public MediaType contentType() {
        return this == JSON ? MediaType.APPLICATION_JSON_TYPE : MediaType.of(mediaType + ";charset=utf-8");
    }

    /** The format the command line's {@code --format} names, or an error naming the offered ones. */
    public static ReportFormat named(String name, List<ReportFormat> offered) {
        for (ReportFormat format : offered) {
            if (format.wireName.equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("format: '" + name + "' is not one of " + names(offered));
    }

    /**
     * The format a request asks for among {@code offered} (the first is the default): {@code ?format=}
     * when given (400 naming it when not offered), else the first type in {@code Accept} that is offered
     * ({@code *}{@code /*} and no Accept take the default), else 406 listing the offered types.
     */
    public static ReportFormat of(HttpRequest<?> request, @Nullable String format, ReportFormat... offered) {
        List<ReportFormat> formats = Arrays.asList(offered);
        if (format != null) {
            try {
                return named(format, formats);
            } catch (IllegalArgumentException e) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
            }
        }
        Collection<MediaType> accepted = request.accept();
        if (accepted.isEmpty()) {
            return offered[0];
        }
        for (MediaType type : accepted) {
            if (type.getName().equals("*/*") || type.getName().equals("application/*")) {
                return offered[0];
            }
            for (ReportFormat candidate : formats) {
                if (candidate != TEXT && candidate.mediaType.equals(type.getName())) {
                    return candidate;
                }
            }
        }
        throw new HttpStatusException(HttpStatus.NOT_ACCEPTABLE, "Accept: this report is answered as "
                + formats.stream().filter(f -> f != TEXT).map(f -> f.mediaType).collect(Collectors.joining(", ")));
    }

    private static String names(List<ReportFormat> formats) {
        return formats.stream().map(ReportFormat::wireName).collect(Collectors.joining(", "));
    }
}
