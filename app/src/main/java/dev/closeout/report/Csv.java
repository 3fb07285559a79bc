package dev.closeout.report;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/** RFC 4180 CSV (CRLF line ends, quotes where a value needs them) of a {@link CsvTable}. */
public final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private Csv() {
    }

    public static void write(CsvTable table, Appendable out) throws IOException {
        CSVPrinter printer = FORMAT.builder().setHeader(table.csvHeader().toArray(String[]::new)).get().print(out);
        try {
            table.csvRows().forEach(row -> print(printer, row));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
    }

    public static String text(CsvTable table) {
        StringWriter out = new StringWriter();
        try {
            write(table, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Records alone, without the header: the later chunks of an export written as it is read
     * ({@link CsvExport}).
     */
    public static String records(Stream<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        try {
            CSVPrinter printer = FORMAT.print(out);
            rows.forEach(row -> print(printer, row));
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A 200 with the table as {@code text/csv}, offered for download as {@code fileName}. */
    public static HttpResponse<String> response(CsvTable table, String fileName) {
        return HttpResponse.ok(text(table))
                .contentType(ReportFormat.CSV.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }

    private static void print(CSVPrinter printer, List<?> row) {
        try {
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
