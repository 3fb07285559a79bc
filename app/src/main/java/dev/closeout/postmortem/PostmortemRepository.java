package dev.closeout.postmortem;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PostmortemRepository extends CrudRepository<Postmortem, Long> {

    Optional<Postmortem> findByContentHash(String contentHash);

    /** The postmortem of a source, locked until the transaction ends so re-imports of it take turns. */
    Optional<Postmortem> findBySourceRefForUpdate(String sourceRef);

    /** The postmortem, locked until the transaction ends so corrections and re-imports take turns. */
    Optional<Postmortem> findByIdForUpdate(long id);
}
