package dev.closeout.postmortem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The answer to a batch import: each item in the order sent, and how many ended each way. */
@Serdeable
public record BatchResult(List<Item> items, int imported, int updated, int unchanged, int failed) {

    /** How one item went; {@code id} and {@code actions} (its number of follow-ups) unless it failed. */
    @Serdeable
    public record Item(@Nullable String source, String status, @Nullable Long id, @Nullable Integer actions,
                       @Nullable String error) {

        static final String FAILED = "failed";

        static Item of(@Nullable String source, ImportResult result) {
            return new Item(source, result.outcome().wireName(), result.postmortem().id(), result.actions().size(),
                    null);
        }

        static Item failed(@Nullable String source, String error) {
            return new Item(source, FAILED, null, null, error);
        }
    }

    static BatchResult of(List<Item> items) {
        return new BatchResult(items, count(items, ImportOutcome.IMPORTED.wireName()),
                count(items, ImportOutcome.UPDATED.wireName()), count(items, ImportOutcome.UNCHANGED.wireName()),
                count(items, Item.FAILED));
    }

    private static int count(List<Item> items, String status) {
        return (int) items.stream().filter(item -> item.status().equals(status)).count();
    }
}
