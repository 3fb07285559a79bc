package dev.closeout.postmortem.extraction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers what a costly function of a line returned, per thread. The finders each walk the same
 * lines and strip or scan them again; the regex work dominates extraction time, a hash lookup does not.
 * Results must be immutable, since every caller gets the same instance.
 */
final class TextCache<V> {

    private static final int ENTRIES = 512;
    private static final int LONGEST_KEY = 4_000;

    private final Function<String, V> compute;
    private final ThreadLocal<Map<String, V>> entries = ThreadLocal.withInitial(() ->
            new LinkedHashMap<>(ENTRIES * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                    return size() > ENTRIES;
                }
            });

    TextCache(Function<String, V> compute) {
        this.compute = compute;
    }

    V get(String text) {
        if (text.length() > LONGEST_KEY) {
            return compute.apply(text);
        }
        Map<String, V> map = entries.get();
        V value = map.get(text);
        if (value == null) {
            value = compute.apply(text);
            map.put(text, value);
        }
        return value;
    }
}
