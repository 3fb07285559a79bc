package dev.closeout.postmortem;

import dev.closeout.action.FollowupServices;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;

/** Applies a person's corrections to a stored postmortem, locked so a concurrent re-import waits its turn. */
@Singleton
public class PostmortemCorrections {

    private final PostmortemRepository postmortems;
    private final FollowupServices services;
    private final PostmortemScope scope;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final ApplicationEventPublisher<PostmortemChanged> postmortemChanges;

    PostmortemCorrections(PostmortemRepository postmortems, FollowupServices services, PostmortemScope scope,
                          TransactionOperations<Connection> transactions, Clock clock,
                          ApplicationEventPublisher<PostmortemChanged> postmortemChanges) {
        this.postmortems = postmortems;
        this.services = services;
        this.scope = scope;
        this.transactions = transactions;
        this.clock = clock;
        this.postmortemChanges = postmortemChanges;
    }

    /** Corrects the postmortem for a caller scoped to {@code scopeTeamId} (null: no team), within {@link PostmortemScope}. */
    public Postmortem correct(long id, PostmortemCorrection correction, @Nullable Long scopeTeamId) {
        return transactions.executeWrite(status -> {
            Postmortem postmortem = postmortems.findByIdForUpdate(id).orElseThrow(() -> PostmortemScope.notFound(id));
            scope.requireChangeable(scopeTeamId, postmortem);
            Postmortem corrected = correction.applyTo(postmortem, LocalDateTime.now(clock));
            scope.requireOwnService(scopeTeamId, corrected.service());
            Postmortem stored = postmortems.update(corrected);
            services.follow(id, postmortem.service(), stored.service());
            postmortemChanges.publishEvent(new PostmortemChanged(stored, null));
            return stored;
        });
    }
}
