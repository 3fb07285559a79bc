package dev.closeout.report;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

/** The aging buckets of overdue follow-ups, by {@code days_overdue}. */
@Serdeable
public enum AgeBucket {
    DAYS_1_7("1-7", 1, 7),
    DAYS_8_30("8-30", 8, 30),
    DAYS_31_90("31-90", 31, 90),
    DAYS_90_PLUS("90+", 91, Long.MAX_VALUE);

    private final String label;
    private final long fromDays;
    private final long toDays;

    AgeBucket(String label, long fromDays, long toDays) {
        this.label = label;
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The bucket of a follow-up {@code daysOverdue} days overdue (at least 1). */
    public static AgeBucket of(long daysOverdue) {
        for (AgeBucket bucket : values()) {
            if (daysOverdue >= bucket.fromDays && daysOverdue <= bucket.toDays) {
                return bucket;
            }
        }
        throw new IllegalArgumentException("days overdue: " + daysOverdue + " is not overdue");
    }

    /** The bucket labelled {@code label} ({@code 8-30}), as the overdue queries group by it. */
    static AgeBucket ofLabel(String label) {
        for (AgeBucket bucket : values()) {
            if (bucket.label.equals(label)) {
                return bucket;
            }
        }
        throw new IllegalArgumentException("age bucket: no bucket " + label);
    }

    public long fromDays() {
        return fromDays;
    }

    public long toDays() {
        return toDays;
    }
}
