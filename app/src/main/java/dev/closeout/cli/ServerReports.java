package dev.closeout.cli;

import dev.closeout.report.CommandLineReport;
import dev.closeout.report.ReportAnswer;
import dev.closeout.report.ReportFormat;
import dev.closeout.report.ReportRequest;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports read through a Closeout server's API: {@code GET} the report's path with {@code team} and (for a
 * report of a week) {@code week}, the JSON read into the report's answer type so it renders as a local one
 * does; JSON and CSV printed as the server wrote them. A report is one read, so nothing is retried: a failure
 * is told at once.
 */
final class ServerReports implements ReportSource {

    private final String server;
    private final String token;
    private final JsonMapper json;
    private final HttpClient client;

    ServerReports(String server, String token, JsonMapper json) {
        this.server = server.replaceAll("/+$", "");
        this.token = token;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(ServerImport.CONNECT_TIMEOUT).build();
    }

    @Override
    public ReportAnswer answer(CommandLineReport report, ReportRequest request) throws ReportFailure {
        String body = get(report, request, ReportFormat.JSON);
        try {
            return json.readValue(body, Argument.of(report.answerType()));
        } catch (IOException | RuntimeException e) {
            throw new ReportFailure("the server's answer is not a " + report.name() + " report: " + e.getMessage());
        }
    }

    @Override
    public String json(CommandLineReport report, ReportRequest request) throws ReportFailure {
        return get(report, request, ReportFormat.JSON);
    }

    @Override
    public void csv(CommandLineReport report, ReportRequest request, Appendable out) throws ReportFailure,
            IOException {
        out.append(get(report, request, ReportFormat.CSV));
    }

    private String get(CommandLineReport report, ReportRequest request, ReportFormat format) throws ReportFailure {
        URI uri = URI.create(server + report.path() + query(report, request));
        HttpRequest get = HttpRequest.newBuilder(uri)
                .timeout(ServerImport.REQUEST_TIMEOUT)
                .header("Accept", format.contentType().getName())
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ReportFailure("cannot reach " + uri + " (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportFailure("interrupted");
        }
        if (response.statusCode() != 200) {
            Object detail = detail(response.body());
            throw new ReportFailure("HTTP " + response.statusCode() + (detail == null ? "" : ": " + detail));
        }
        return response.body();
    }

    /** {@code week} only to a report of a week: the others ignore it locally, and their routes refuse it. */
    private static String query(CommandLineReport report, ReportRequest request) {
        List<String> parameters = new ArrayList<>();
        if (request.team() != null) {
            parameters.add("team=" + URLEncoder.encode(request.team(), StandardCharsets.UTF_8));
        }
        if (request.week() != null && report.ofAWeek()) {
            parameters.add("week=" + URLEncoder.encode(request.week(), StandardCharsets.UTF_8));
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    private Object detail(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class)).get("detail");
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}
