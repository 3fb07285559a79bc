package dev.closeout.postmortem;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * Settings of postmortem imports under {@code closeout.import}.
 *
 * @param batchLimit the most postmortems one {@code POST /api/postmortems/batch} may carry; more is a 413
 */
@ConfigurationProperties(ImportConfiguration.PREFIX)
public record ImportConfiguration(@Bindable(defaultValue = "500") @Min(1) int batchLimit) {

    public static final String PREFIX = "closeout.import";
}
