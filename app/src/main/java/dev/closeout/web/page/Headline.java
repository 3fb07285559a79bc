package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * One headline number of the weekly page as shown: its value and its change from the week before, both taken
 * from the reviews of the two weeks (nothing is counted here, only written out).
 *
 * @param key    the review's field, for styles and tests
 * @param value  "3", "33%", "50.4 days"; "–" when the week has none
 * @param change "+3", "−2", "±0", "+12 pts"; "–" when either week has none
 */
public record Headline(String key, String label, String value, String change) {

    private static final String NONE = "–";

    static Headline count(String key, String label, int value, int before) {
        return new Headline(key, label, Integer.toString(value), signed(value - before, ""));
    }

    static Headline rate(String key, String label, @Nullable Double value, @Nullable Double before) {
        return new Headline(key, label, value == null ? NONE : Math.round(value * 100) + "%",
                value == null || before == null ? NONE : signed(Math.round(value * 100) - Math.round(before * 100),
                        " pts"));
    }

    static Headline days(String key, String label, @Nullable Double value, @Nullable Double before) {
        return new Headline(key, label, value == null ? NONE : oneDecimal(value) + " days",
                value == null || before == null ? NONE : signedDecimal(value - before));
    }

    private static String signed(long difference, String unit) {
        if (difference == 0) {
            return "±0" + unit;
        }
        return (difference > 0 ? "+" + difference : "−" + -difference) + unit;
    }

    private static String signedDecimal(double difference) {
        long tenths = Math.round(difference * 10);
        if (tenths == 0) {
            return "±0";
        }
        return (tenths > 0 ? "+" : "−") + oneDecimal(Math.abs(tenths) / 10.0);
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
