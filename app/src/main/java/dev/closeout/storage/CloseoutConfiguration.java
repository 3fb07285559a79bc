package dev.closeout.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * Closeout's own settings under {@code closeout.}.
 *
 * @param dataDir where the embedded database lives when no datasource URL is configured
 *                (env {@code CLOSEOUT_DATA_DIR}); relative paths are taken from the working directory
 */
@ConfigurationProperties(CloseoutConfiguration.PREFIX)
public record CloseoutConfiguration(@Bindable(defaultValue = "./closeout-data") Path dataDir) {

    public static final String PREFIX = "closeout";
}
