package dev.closeout.action;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ActionItemRepository extends CrudRepository<ActionItem, Long> {

    List<ActionItem> findByPostmortemIdOrderByPosition(long postmortemId);

    List<ActionItem> findByIdIn(Collection<Long> ids);
}
