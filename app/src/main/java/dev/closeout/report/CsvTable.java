package dev.closeout.report;

import java.util.List;
import java.util.stream.Stream;

/**
 * A report seen as one table: what its CSV export holds. Values are written as their {@code toString}
 * (dates ISO-8601), null as an empty field.
 */
public interface CsvTable {

    List<String> csvHeader();

    Stream<List<?>> csvRows();
}
