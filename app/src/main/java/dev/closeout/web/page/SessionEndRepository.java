package dev.closeout.web.page;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SessionEndRepository extends CrudRepository<SessionEnd, String> {

    void deleteByExpiresAtLessThan(LocalDateTime now);
}
