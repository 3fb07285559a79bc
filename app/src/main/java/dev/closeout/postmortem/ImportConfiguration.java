package dev.closeout.postmortem;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Settings of postmortem imports under {@code closeout.import}.
 *
 * @param batchLimit   the most postmortems one {@code POST /api/postmortems/batch} may carry; more is a 413
 * @param parallelism  how many postmortems of batches (and of a {@code closeout import} into the database) are
 *                     imported at once, each in its own transaction: a commit waits for the disk, and several
 *                     in flight share that wait. At most this many pooled connections are taken by imports
 */
@ConfigurationProperties(ImportConfiguration.PREFIX)
public record ImportConfiguration(@Bindable(defaultValue = "500") @Min(1) int batchLimit,
                                  @Bindable(defaultValue = "4") @Min(1) @Max(32) int parallelism) {

    public static final String PREFIX = "closeout.import";
}
