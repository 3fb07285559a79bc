package dev.closeout.search;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.list;
import static org.jooq.impl.DSL.val;

/**
 * The {@code q=} of the lists: rows whose columns contain the query, ignoring case (a phrase stays a
 * phrase; {@code %} and {@code _} are characters). On MySQL and MariaDB the rows are first found through
 * a FULLTEXT index of exactly those columns (V7), each word of the query required as the start of a word
 * of the text ({@code +word*} in boolean mode), and only those rows are checked for the whole query: a
 * search reads the rows that can match, not the table. Words the index cannot look up (shorter than its
 * three characters, InnoDB's stop words, words with '_') are left to the check; a query made only of
 * such words reads the table as before. A query also finds only what starts a word: "pool" finds
 * "connection pool", "ool" finds nothing on MySQL (H2 reads the table and finds both).
 *
 * <p>This is the one vendor-specific SQL of the application: jOOQ has no syntax for MATCH ... AGAINST,
 * so it is a template over the generated columns. H2, the embedded default, has no such index and
 * keeps the plain containment test.
 */
public final class TextSearch {

    /** InnoDB's shortest indexed word (innodb_ft_min_token_size) and its longest. */
    static final int MIN_WORD = 3;
    static final int MAX_WORD = 84;
    /** InnoDB's default stop words (INNODB_FT_DEFAULT_STOPWORD) of three letters or more: never indexed. */
    static final Set<String> STOP_WORDS = Set.of("about", "are", "com", "for", "from", "how", "that", "the", "this",
            "was", "what", "when", "where", "who", "will", "with", "und", "www");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private TextSearch() {
    }

    /**
     * Rows where one of {@code columns} contains {@code query}, ignoring case. On MySQL and MariaDB the
     * columns must be exactly those of one FULLTEXT index, in its order.
     */
    @SafeVarargs
    public static Condition containing(SQLDialect dialect, String query, Field<String>... columns) {
        Condition contains = contains(query, columns);
        String words = indexedWords(query);
        if (words.isEmpty() || !fullTextIndexed(dialect)) {
            return contains;
        }
        return condition("match({0}) against ({1} in boolean mode)", list(columns), val(words)).and(contains);
    }

    /**
     * Rows where one of {@code columns} contains {@code query}, ignoring case, checked row by row: for a walk
     * over rows read in order anyway, where the full-text index would cost more than it saves.
     */
    @SafeVarargs
    public static Condition contains(String query, Field<String>... columns) {
        Condition contains = falseCondition();
        for (Field<String> column : columns) {
            contains = contains.or(column.containsIgnoreCase(query));
        }
        return contains;
    }

    /** The words of {@code query} the index can look up, each required as a word start: "+connection* +pool*". */
    static String indexedWords(String query) {
        List<String> terms = new ArrayList<>();
        Matcher word = WORD.matcher(query.toLowerCase(Locale.ROOT));
        while (word.find()) {
            String found = word.group();
            if (found.length() >= MIN_WORD && found.length() <= MAX_WORD && !STOP_WORDS.contains(found)
                    && found.indexOf('_') < 0 && !terms.contains("+" + found + "*")) {
                terms.add("+" + found + "*");
            }
        }
        return String.join(" ", terms);
    }

    /** Whether {@link #containing} goes through a full-text index on this database. */
    public static boolean fullTextIndexed(SQLDialect dialect) {
        return dialect.family() == SQLDialect.MYSQL || dialect.family() == SQLDialect.MARIADB;
    }
}
