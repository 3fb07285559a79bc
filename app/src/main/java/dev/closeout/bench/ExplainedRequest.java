package dev.closeout.bench;

import org.jooq.DSLContext;

import java.io.PrintStream;
import java.util.List;

/**
 * The SQL one request ran and how the database plans each read (EXPLAIN), as markdown for
 * docs/benchmarks.md. A plan is read for the access type ({@code ref}/{@code range} on a named index
 * is what lists need; {@code ALL} on a big table or {@code Using filesort} over many rows is the fault to
 * look for) and the rows the database expects to examine.
 */
record ExplainedRequest(BenchRequest request, List<SqlRecorder.Recorded> statements) {

    void print(DSLContext dsl, PrintStream out) {
        out.printf("%n### %s%n%n`GET %s`: %d SQL statement(s) through jOOQ%n", request.name(), request.path(),
                statements.size());
        for (SqlRecorder.Recorded statement : statements) {
            out.printf("%n```sql%n%s%n```%n", statement.sql());
            if (statement.read()) {
                out.printf("%n```%n%s```%n", dsl.explain(statement.query()).plan());
            }
        }
    }
}
