package dev.closeout.similar;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.util.List;

/**
 * How postmortem texts are read for likeness: Lucene's English analyzer (lower case, English stop words,
 * possessives and plurals folded, Porter stems), with the words every root cause is written in also taken as
 * stop words ("the root cause of the outage was identified as ..."): they say nothing about what failed, yet
 * two summaries sharing them would score alike.
 */
public final class IncidentAnalyzer {

    /** Words of postmortem prose, not of causes. */
    static final List<String> PROSE = List.of("root", "cause", "causes", "caused", "causing", "outage", "outages",
            "incident", "incidents", "issue", "issues", "problem", "identified", "determined", "traced", "found",
            "due", "led", "leading", "resulted", "resulting", "result", "back", "we", "our");

    private IncidentAnalyzer() {
    }

    public static Analyzer create() {
        CharArraySet stopWords = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stopWords.addAll(PROSE);
        return new EnglishAnalyzer(stopWords);
    }
}
