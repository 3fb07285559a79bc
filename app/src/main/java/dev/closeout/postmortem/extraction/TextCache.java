package dev.closeout.postmortem.extraction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Remembers, for the document being read on this thread, what a costly function of a line returned.
 * The finders each walk the same lines and strip or scan them again; the regex work dominates
 * extraction time, a hash lookup does not. {@link #startDocument()} forgets everything, so memory stays
 * bounded by one document and no result leaks from one document into the next. Results must be
 * immutable, since every caller gets the same instance.
 */
final class TextCache<V> {

    private static final int LONGEST_KEY = 4_000;
    private static final int MOST_ENTRIES = 4_096;
    private static final List<TextCache<?>> ALL = new CopyOnWriteArrayList<>();

    private final Function<String, V> compute;
    private final ThreadLocal<Map<String, V>> entries = ThreadLocal.withInitial(HashMap::new);

    TextCache(Function<String, V> compute) {
        this.compute = compute;
        ALL.add(this);
    }

    /** Forgets this thread's results: called when a new document starts. */
    static void startDocument() {
        for (TextCache<?> cache : ALL) {
            cache.entries.get().clear();
        }
    }

    V get(String text) {
        Map<String, V> map = entries.get();
        if (text.length() > LONGEST_KEY || map.size() >= MOST_ENTRIES) {
            return compute.apply(text);
        }
        V value = map.get(text);
        if (value == null) {
            value = compute.apply(text);
            map.put(text, value);
        }
        return value;
    }
}
