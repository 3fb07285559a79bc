package dev.closeout.report;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A CSV export of a whole list: the header, then the rows of each batch as it is read
 * ({@link KeysetBatches}). Over HTTP it is written as it goes, one chunk per batch, so neither the server nor
 * the database holds the whole list at once; on the command line it is the same rows as a {@link CsvTable}.
 */
public final class CsvExport implements CsvTable {

    private final List<String> header;
    private final Supplier<Stream<List<List<?>>>> batches;

    /** {@code batches} is asked anew for every reading of the export. */
    public CsvExport(List<String> header, Supplier<Stream<List<List<?>>>> batches) {
        this.header = List.copyOf(header);
        this.batches = batches;
    }

    @Override
    public List<String> csvHeader() {
        return header;
    }

    @Override
    public Stream<List<?>> csvRows() {
        return batches.get().flatMap(List::stream);
    }

    /**
     * A 200 {@code text/csv} answer offered for download as {@code fileName}, written chunk by chunk; the
     * batches are read on {@code blocking}, never on the event loop.
     */
    public MutableHttpResponse<Flux<String>> response(String fileName, Scheduler blocking) {
        String headerLine = Csv.text(new CsvTable() {
            @Override
            public List<String> csvHeader() {
                return header;
            }

            @Override
            public Stream<List<?>> csvRows() {
                return Stream.empty();
            }
        });
        Flux<String> rows = Flux.<List<List<?>>>fromStream(batches::get).map(batch -> Csv.records(batch.stream()));
        Flux<String> body = Flux.concat(Flux.just(headerLine), rows)
                .subscribeOn(blocking);
        return HttpResponse.ok(body)
                .contentType(ReportFormat.CSV.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }
}
