package dev.closeout.postmortem;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;

/** Applies a person's corrections to a stored postmortem, locked so a concurrent re-import waits its turn. */
@Singleton
class PostmortemCorrections {

    private final PostmortemRepository postmortems;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    PostmortemCorrections(PostmortemRepository postmortems, TransactionOperations<Connection> transactions,
                          Clock clock) {
        this.postmortems = postmortems;
        this.transactions = transactions;
        this.clock = clock;
    }

    Postmortem correct(long id, PostmortemCorrection correction) {
        return transactions.executeWrite(status -> {
            Postmortem postmortem = postmortems.findByIdForUpdate(id).orElseThrow(() ->
                    new HttpStatusException(HttpStatus.NOT_FOUND, "no postmortem with id " + id));
            return postmortems.update(correction.applyTo(postmortem, LocalDateTime.now(clock)));
        });
    }
}
