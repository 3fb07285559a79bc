package dev.closeout.postmortem;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PostmortemRepository extends CrudRepository<Postmortem, Long> {

    Optional<Postmortem> findByContentHash(String contentHash);
}
