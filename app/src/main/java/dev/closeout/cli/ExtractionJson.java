package dev.closeout.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.closeout.postmortem.extraction.ExtractedAction;
import dev.closeout.postmortem.extraction.Extraction;
import dev.closeout.postmortem.extraction.Incident;
import dev.closeout.postmortem.extraction.RootCause;
import io.micronaut.core.annotation.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One file's extraction as {@code extract --format json} writes it: {@code file}, then the fields of
 * {@link Extraction} in the label schema, every field present, null or not; the same bytes the API's JSON
 * mapper writes for the same records ({@code ExtractCommandTest} compares them).
 *
 * <p>Written with Jackson's generator directly: Micronaut's JSON mapper starts a bean context of its
 * own, which loaded most of the application's classes and took longer than extracting a thousand
 * documents.
 */
final class ExtractionJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ExtractionJson() {
    }

    static String of(String file, Extraction extraction) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("file", file);
            json.writeStringField("title", extraction.title());
            json.writeStringField("service", extraction.service());
            json.writeStringField("media_type", extraction.mediaType());
            write(json, extraction.incident());
            json.writeFieldName("impact_percent");
            writeNumber(json, extraction.impactPercent());
            write(json, extraction.rootCause());
            json.writeArrayFieldStart("actions");
            for (ExtractedAction action : extraction.actions()) {
                write(json, action);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator json, Incident incident) throws IOException {
        json.writeObjectFieldStart("incident");
        json.writeStringField("start", incident.start());
        json.writeStringField("end", incident.end());
        json.writeFieldName("duration_minutes");
        if (incident.durationMinutes() == null) {
            json.writeNull();
        } else {
            json.writeNumber(incident.durationMinutes());
        }
        json.writeEndObject();
    }

    private static void write(JsonGenerator json, RootCause rootCause) throws IOException {
        json.writeObjectFieldStart("root_cause");
        json.writeStringField("summary", rootCause.summary());
        json.writeStringField("component", rootCause.component());
        json.writeStringField("trigger", rootCause.trigger());
        json.writeEndObject();
    }

    private static void write(JsonGenerator json, ExtractedAction action) throws IOException {
        json.writeStartObject();
        json.writeStringField("text", action.text());
        json.writeStringField("kind", action.kind());
        json.writeStringField("group", action.group());
        json.writeStringField("owner", action.owner());
        json.writeStringField("due", action.due() == null ? null : action.due().toString());
        json.writeStringField("priority", action.priority());
        json.writeStringField("ticket", action.ticket());
        json.writeNumberField("line", action.line());
        json.writeEndObject();
    }

    private static void writeNumber(JsonGenerator json, @Nullable Double value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }
}
