package dev.closeout.report;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.ZoneId;

/**
 * Settings of the reports under {@code closeout.reports.}.
 *
 * @param timeZone the zone whose calendar the reports count days in: "today", a week's Monday to Sunday
 *                 (env {@code CLOSEOUT_REPORTS_TIME_ZONE}); default UTC
 */
@ConfigurationProperties("closeout.reports")
public record ReportsConfiguration(@Bindable(defaultValue = "UTC") ZoneId timeZone) {
}
