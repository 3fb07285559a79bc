package dev.closeout.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.ExecuteType;
import org.jooq.Query;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the jOOQ statements of requests marked with {@link HttpBench#RECORD_HEADER}, in a server the bench
 * started itself ({@code closeout.bench.record-sql}): the bench counts them and shows their EXPLAIN. Other
 * requests and scheduled jobs are left alone. Never active in a normal server.
 */
@Singleton
@Named("default")
@Requires(property = SqlRecorder.PROPERTY, value = "true")
public class SqlRecorder implements ExecuteListenerProvider, ExecuteListener {

    public static final String PROPERTY = "closeout.bench.record-sql";

    /** A statement a marked request ran: its SQL with the values inlined, and the query to explain. */
    public record Recorded(String sql, Query query, boolean read) {
    }

    private final List<Recorded> recorded = new ArrayList<>();

    @Override
    public ExecuteListener provide() {
        return this;
    }

    @Override
    public void executeEnd(ExecuteContext context) {
        boolean marked = ServerRequestContext.currentRequest()
                .map(request -> request.getHeaders().contains(HttpBench.RECORD_HEADER)).orElse(false);
        Query query = context.query();
        if (marked && query != null) {
            synchronized (recorded) {
                recorded.add(new Recorded(context.dsl().renderInlined(query), query,
                        context.type() == ExecuteType.READ));
            }
        }
    }

    /** The statements recorded since the last call, in the order they ran. */
    public List<Recorded> drain() {
        synchronized (recorded) {
            List<Recorded> drained = List.copyOf(recorded);
            recorded.clear();
            return drained;
        }
    }
}
