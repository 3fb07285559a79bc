package dev.closeout.postmortem.extraction;

import dev.closeout.postmortem.extraction.DateTimeText.DateMention;
import dev.closeout.postmortem.extraction.DateTimeText.TimeMention;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds when an incident started and ended, and how long it lasted, from what the text states, most
 * explicit first:
 * <ol>
 *   <li>labelled fields outside the timeline and outside code samples: "Start: ...", "End Time: ...",
 *       "Duration: X to Y", "Date/time: ...", "Date/time of resolution: ...";</li>
 *   <li>a range written in a sentence: "from X to Y", "between X and Y", "X - Y", "started at X and
 *       ended at Y";</li>
 *   <li>the timeline: entries marked &lt;START OF OUTAGE&gt; (which beats a "Date/time" field) and the
 *       last &lt;END OF ... OUTAGE&gt;, else the entry a stated duration before the end, or the first that
 *       reports trouble (or a time the summary states a little before it), and the first that reports
 *       recovery (the last entry otherwise);</li>
 *   <li>without a timeline, sentences that carry a time of day, read the same way.</li>
 * </ol>
 * Times without a date take the timeline's current date or the document's date; a time earlier than
 * the previous one on the same day has crossed midnight. Times without a zone take the "all times in
 * X" note or the zone the timeline's heading names, else the zone the document writes next to its
 * times, else none (local time).
 */
final class IncidentWindowFinder {

    private static final int LINE_LIMIT = 2_000;
    private static final Pattern DATE_LINE_NOISE = Pattern.compile("(?i)\\(?all times[^)]{0,40}\\)?|[#*_:\\-|]");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]{0,500}]\\([^)\\s]{0,2000}\\)");
    private static final Pattern URL = Pattern.compile("https?://\\S{1,2000}");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s{0,3}/?>");
    private static final Pattern TIMELINE_HEADING = Pattern.compile(
            "(?i)time\\s?line|chronology|sequence of events");
    /** A note naming the zone of every time: "All times in CET", "Times below are in Central African Time". */
    private static final Pattern ALL_TIMES = Pattern.compile(
            "(?i)all\\s{1,3}times\\s{1,3}(?:are\\s{1,3})?(?:in\\s{1,3})?"
                    + "|\\btimes(?:\\s{1,3}(?:below|above|shown|listed|given|here))?\\s{1,3}(?:are\\s{1,3})?in\\s{1,3}");
    private static final Pattern START_LABEL = Pattern.compile(
            "(?i)(?:(?:incident|outage|issue)\\s)?start(?:ed)?(?:\\s(?:time|date))?|date\\s?/\\s?time"
                    + "|time of (?:the )?(?:outage|incident)|when was the issue detected|(?:outage|incident) began");
    private static final Pattern END_LABEL = Pattern.compile(
            "(?i)(?:(?:incident|outage|issue)\\s)?end(?:ed)?(?:\\s(?:time|date))?"
                    + "|date\\s?/\\s?time of (?:resolution|recovery)|(?:time|date) of (?:resolution|recovery)"
                    + "|resolved(?: at)?|recovered(?: at)?");
    private static final Pattern DURATION_LABEL = Pattern.compile(
            "(?i)(?:total\\s)?duration(?: of (?:the )?(?:outage|incident|downtime))?|(?:outage|incident) duration"
                    + "|(?:total\\s)?downtime|resolution time|time to (?:recovery|recover|resolve|resolution|restore)");
    /** The Google SRE template's "Date/time": when it happened, which may be the trigger rather than the impact. */
    private static final Pattern DATE_TIME_LABEL = Pattern.compile("(?i)date\\s?/\\s?time");
    private static final Pattern DATE_LABEL = Pattern.compile("(?i)(?:incident\\s|outage\\s)?date");
    /** "_Date/time of resolution_ Approximately 11 AM ET": these labels also stand without a colon. */
    private static final Pattern UNPUNCTUATED_LABEL = Pattern.compile(
            "(?i)^\\s{0,8}(date\\s?/\\s?time of (?:resolution|recovery|discovery))\\s{1,3}(.*)$");
    private static final Pattern SINCE = Pattern.compile("(?i)\\bsince\\s{1,3}$");
    private static final Pattern START_MARKER = Pattern.compile(
            "(?i)start\\s{1,3}of\\s{1,3}(?:the\\s{1,3})?(?:outage|incident)"
                    + "|\\b(?:outage|incident)\\s{1,3}(?:begins|began|starts|started)\\b");
    private static final Pattern END_MARKER = Pattern.compile(
            "(?i)(?<!partial\\s{1,3})end\\s{1,5}of\\s{1,5}(?:the\\s{1,5})?(?:[a-z]{1,20}\\s{1,5}){0,3}(?:outage|incident)\\b"
                    + "|\\b(?:outage|incident)\\s{1,3}(?:ends|ended|is over)\\b");
    // The look-aheads of TROUBLE, RECOVERY and PARTIAL hold the first characters of their alternatives:
    // most positions fail that test before the word boundary, which looks two characters up, is tried.
    private static final Pattern TROUBLE = Pattern.compile(
            "(?i)(?=[dofeawcuibprstnl45])\\b(?:down|outage|fail|error|alert|warn|crash|unable|unavailable|unreachable|inaccessible|broke"
                    + "|leak|breach|expir|expos(?:ed|ure)|disabled|deleted|lost"
                    + "|issue|problem|detect|report|incident|spike|degrad|slow|time[sd]?\\s?out|no space|not working"
                    + "|latency|complain|[45]\\d\\d\\b)");
    private static final Pattern RECOVERY = Pattern.compile(
            "(?i)(?=[robnsferiawdg])\\b(?:resolved|restored|recovered|recovery|operational|back (?:to normal|online|up)"
                    + "|return(?:s|ed)? to normal"
                    + "|(?:is|are|was|were|becomes?|became|as|gets?|got) (?:available|healthy)"
                    + "|normal (?:service|operations?)|resumed|solved|fixed|end of (?:the )?(?:outage|incident))");
    // Pieces of the patterns' alternatives, one in each, for a cheap look before the pattern (see holdsAny).
    private static final List<String> TROUBLE_PIECES = List.of("down", "outage", "fail", "error", "alert", "warn",
            "crash", "unable", "unavail", "unreach", "inaccess", "broke", "leak", "breach", "expir", "expos",
            "disabled", "deleted", "lost", "issue", "problem", "detect", "report", "incident", "spike", "degrad",
            "slow", "no space", "not working", "latency", "complain");
    private static final List<String> RECOVERY_PIECES = List.of("resolved", "restored", "recover", "operational",
            "back ", "return", "available", "healthy", "normal ", "resumed", "solved", "fixed", "end of ");
    private static final List<String> START_PIECES = List.of("start", "began", "begins");
    private static final List<String> END_PIECES = List.of("end", "is over");
    private static final Pattern PARTIAL = Pattern.compile(
            "(?i)(?=[bspgan])\\b(?:begins?|began|start(?:s|ed|ing)?|partial(?:ly)?|gradual(?:ly)?|attempt(?:s|ed)?|not)\\b");
    private static final Pattern RANGE_FILLER = Pattern.compile("(?i)[,()\\[\\]]|\\b(?:at|on|the|approximately|about|around|~)\\b");
    private static final Pattern RANGE_WORD = Pattern.compile("(?i)-{1,2}|[–—]|to|until|till|through|and|thru");
    private static final Pattern BETWEEN = Pattern.compile("(?i)\\bbetween\\b");
    /** "began at X and was resolved by Y", "started at X and ends at Y": the second time is the end. */
    private static final Pattern END_JOINER = Pattern.compile(
            "(?i)(?:and\\s{1,3})?(?:(?:it|was|is|has\\s{1,3}been|had\\s{1,3}been)\\s{1,3})?"
                    + "(?:end(?:s|ed)?|resolved|recovered|restored|mitigated)(?:\\s{1,3}(?:by|on|with))?");
    private static final Pattern BEGAN = Pattern.compile("(?i)\\b(?:start(?:s|ed)?|beg[au]n|begins)\\b");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s{1,5}(?=[A-Z])");
    /** An amount of time; the look-ahead holds the first characters of its numbers, so most positions fail at once. */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?i)(?=[\\daotfsen])(?<![a-z\\d.])(?:(\\d{1,5}(?:\\.\\d{1,2})?)\\s{0,2}(days?|d|hours?|hrs?|h|minutes?|mins?|m)"
                    + "|(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s{1,2}(days?|hours?|hrs?|minutes?|mins?))"
                    + "(?![a-z])");
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five",
            "six", "seven", "eight", "nine", "ten", "eleven", "twelve");

    /** A point in time as the text gives it, before defaults are applied. */
    private record Moment(@Nullable DateMention date, @Nullable TimeMention time, @Nullable TimeZoneName zone) {

        boolean isEmpty() {
            return date == null && time == null;
        }
    }

    /** A timeline entry resolved to a point in time; {@code lower} is its text lower-cased, for the cheap looks. */
    private record Entry(IncidentTime at, String text, String lower) {

        Entry(IncidentTime at, String text) {
            this(at, text, text.toLowerCase(Locale.ROOT));
        }
    }

    private record Defaults(@Nullable LocalDate date, @Nullable TimeZoneName zone) {

        int year() {
            return date == null ? 0 : date.getYear();
        }
    }

    Incident find(Document document) {
        Lines read = lines(document);
        List<WindowLine> lines = read.lines();
        Defaults defaults = defaults(lines, read.timelineZone());

        Moment explicitStart = null;
        boolean startFromDateField = false;
        Moment explicitEnd = null;
        Integer statedMinutes = null;
        Moment rangeStart = null;
        Moment rangeEnd = null;
        boolean rangeFromDurationField = false;
        Moment sinceStart = null;
        for (WindowLine line : lines) {
            // a line with no digit states no time, so no range or "since" this loop takes, and only a
            // duration in words ("Duration: two hours"); a code sample's "Started: ..." is a program's
            // output, not the author's statement
            if (line.inTimeline() || line.inCode() || !line.hasDigit() && !line.mayStateDuration()) {
                continue;
            }
            String text = line.text();
            Matcher unpunctuated = startsWithDate(text) ? UNPUNCTUATED_LABEL.matcher(text) : null;
            String label = null;
            String value = null;
            if (unpunctuated != null && unpunctuated.matches()) {
                label = unpunctuated.group(1);
                value = unpunctuated.group(2);
            } else if (line.field() != null) {
                label = line.field().label();
                value = line.field().value();
            }
            if (label != null && DURATION_LABEL.matcher(label).matches()) {
                Moment[] range = range(value, true);
                if (range != null && !rangeFromDurationField) {
                    rangeStart = range[0];
                    rangeEnd = range[1];
                    rangeFromDurationField = true;
                } else if (range == null && explicitStart == null) {
                    Moment single = moment(value, 0, value.length());
                    if (!single.isEmpty()) {
                        explicitStart = single;
                    }
                }
                if (statedMinutes == null) {
                    statedMinutes = minutesStated(value);
                }
                continue;
            }
            if (label != null && START_LABEL.matcher(label).matches()) {
                Moment start = moment(value, 0, value.length());
                if (explicitStart == null && !start.isEmpty()) {
                    explicitStart = start;
                    startFromDateField = DATE_TIME_LABEL.matcher(label).matches();
                }
                continue;
            }
            if (label != null && END_LABEL.matcher(label).matches()) {
                Moment end = moment(value, 0, value.length());
                if (explicitEnd == null && !end.isEmpty()) {
                    explicitEnd = end;
                }
                continue;
            }
            if (rangeStart == null) {
                Moment[] range = range(text, false);
                if (range != null) {
                    rangeStart = range[0];
                    rangeEnd = range[1];
                }
            }
            if (sinceStart == null && containsIgnoringCase(text, "since")) {
                for (DateMention date : DateTimeText.dates(text)) {
                    if (SINCE.matcher(text.substring(Math.max(0, date.start() - 10), date.start())).find()) {
                        sinceStart = new Moment(date, null, null);
                        break;
                    }
                }
            }
        }

        IncidentTime start = resolve(explicitStart != null ? explicitStart : rangeStart, defaults, null);
        IncidentTime end = resolve(explicitEnd != null ? explicitEnd : rangeEnd, defaults, start);
        if (explicitStart == null && rangeStart != null && explicitEnd != null && rangeEnd != null) {
            end = resolve(rangeEnd, defaults, start);
        }
        if (start == null && sinceStart != null) {
            start = resolve(sinceStart, defaults, null);
        }

        // Both ends stated with times, in order: nothing the timeline says would change them.
        boolean settled = start != null && end != null && start.time() != null && end.time() != null
                && !after(start, end);
        if (!settled) {
            List<Entry> entries = timeline(lines, defaults, start);
            boolean fromProse = false;
            if (entries.isEmpty() && start == null) {
                entries = prose(lines, defaults);
                fromProse = true;
            }
            Entry startMarked = marked(entries, START_MARKER, START_PIECES, false);
            // an outage in parts ("END OF SEMVER OUTAGE", "END OF GRADLE ERROR OUTAGE") ends with the last
            Entry endMarked = marked(entries, END_MARKER, END_PIECES, true);
            int endIndex = endMarked != null ? entries.indexOf(endMarked) : recoveryIndex(entries);
            Entry timelineEnd = endIndex >= 0 ? entries.get(endIndex) : null;
            // with no entry reporting recovery the last one ends the timeline, also for the stated duration
            Entry lastEntry = fromProse || entries.isEmpty() ? null : entries.get(entries.size() - 1);
            Entry timelineStart = startMarked != null ? startMarked
                    : firstStart(entries, timelineEnd != null ? timelineEnd : lastEntry, statedMinutes);
            if (timelineEnd == null && timelineStart != null && !entries.isEmpty() && !fromProse) {
                Entry last = entries.get(entries.size() - 1);
                timelineEnd = last.equals(timelineStart) ? null : last;
            }
            if (timelineEnd != null && timelineStart != null
                    && timelineEnd.at().localDateTime().isBefore(timelineStart.at().localDateTime())) {
                timelineEnd = null;
            }

            if (timelineStart != null) {
                IncidentTime fromTimeline = timelineStart.at();
                IncidentTime known = end != null ? end : timelineEnd == null ? null : timelineEnd.at();
                // the author's own start marker is more precise than a "Date/time" field, unless that
                // field and the stated duration reach the end (the author's own arithmetic)
                if (startMarked != null && startFromDateField && !reaches(start, known, statedMinutes)
                        || start == null
                        || (start.time() == null && fromTimeline.time() != null && start.date().equals(fromTimeline.date()))
                        || (known != null && start.time() != null && after(start, known))) {
                    start = fromTimeline;
                    if (startMarked == null && !fromProse && fromTimeline.time() != null) {
                        IncidentTime stated = statedStart(lines, defaults, entries.get(0).at(), fromTimeline);
                        start = stated != null ? stated : fromTimeline;
                    }
                }
            }
            if (end == null && timelineEnd != null && (start == null || !after(start, timelineEnd.at()))) {
                end = timelineEnd.at();
            }
        }

        Integer minutes = null;
        if (start != null && end != null) {
            Long between = start.minutesUntil(end);
            minutes = between == null || between < 0 || between > Integer.MAX_VALUE ? null : between.intValue();
        }
        if (minutes == null && statedMinutes != null) {
            minutes = statedMinutes;
        }
        if (minutes == null && (start == null || end == null) && rangeStart != null && rangeEnd != null
                && rangeStart.time() != null && rangeEnd.time() != null) {
            int diff = rangeEnd.time().time().toSecondOfDay() / 60 - rangeStart.time().time().toSecondOfDay() / 60;
            minutes = diff < 0 ? diff + 24 * 60 : diff;
        }
        return Incident.of(start, end, minutes);
    }

    /** The unpunctuated labels all start with "date", after at most eight spaces. */
    private static boolean startsWithDate(String text) {
        int at = 0;
        while (at < text.length() && at < 8 && isRegexSpace(text.charAt(at))) {
            at++;
        }
        return text.regionMatches(true, at, "date", 0, 4);
    }

    /** What {@code \s} matches without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Whether the text holds a lower-case ASCII word in any case, as a {@code (?i)} pattern reads it:
     * without copying the text, and without {@code regionMatches}' Unicode case folding at every position.
     */
    private static boolean containsIgnoringCase(String text, String word) {
        // setting bit 0x20 turns an ASCII capital into its small letter; no other character lands on one
        char first = word.charAt(0);
        for (int at = 0; at + word.length() <= text.length(); at++) {
            if ((text.charAt(at) | 0x20) == first && asciiWordAt(text, at, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiWordAt(String text, int at, String word) {
        for (int k = 0; k < word.length(); k++) {
            // setting bit 0x20 turns an ASCII capital into its small letter; no other character lands on one
            if ((text.charAt(at + k) | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean reaches(@Nullable IncidentTime start, @Nullable IncidentTime end, @Nullable Integer minutes) {
        Long between = start == null || end == null || minutes == null ? null : start.minutesUntil(end);
        return between != null && Math.abs(between - minutes) <= 2;
    }

    private static boolean after(IncidentTime first, IncidentTime second) {
        Long minutes = first.minutesUntil(second);
        return minutes != null ? minutes < 0 : first.date().isAfter(second.date());
    }

    // ---- lines and defaults ----

    /** The lines to read, and the zone a timeline's heading names for its entries. */
    private record Lines(List<WindowLine> lines, @Nullable TimeZoneName timelineZone) {
    }

    /**
     * The document's lines, each marked as in a timeline or in a code sample, and the zone the first
     * timeline heading naming one gives its entries ("Timeline (UTC)", "Timeline (times in BST)"): a note
     * like "All times in ...", written where the entries start.
     */
    private static Lines lines(Document document) {
        boolean[] timeline = new boolean[document.lines().size() + 2];
        TimeZoneName headingZone = null;
        for (Section section : document.sections()) {
            String heading = section.heading();
            if (isTimelineHeading(heading)) {
                for (int n = section.bodyStart(); n < section.bodyEnd() && n < timeline.length; n++) {
                    timeline[n] = true;
                }
                TimeZoneName.Found zone = headingZone != null ? null : TimeZoneName.find(heading, 0, heading.length());
                if (zone != null) {
                    headingZone = zone.zone();
                }
            }
        }
        List<WindowLine> lines = new ArrayList<>();
        int number = 0;
        boolean inFence = false;
        for (String whole : document.lines()) {
            number++;
            boolean fence = startsFence(whole);
            if (fence) {
                inFence = !inFence;
            }
            String capped = whole.length() > LINE_LIMIT ? whole.substring(0, LINE_LIMIT) : whole;
            // an image starts with "![", a URL with "http"; taking either out leaves no other in its place
            if (capped.contains("![")) {
                capped = IMAGE.matcher(capped).replaceAll(" ");
            }
            if (capped.contains("http")) {
                capped = URL.matcher(capped).replaceAll(" ");
            }
            boolean code = inFence || fence;
            if (capped.indexOf('<') < 0) {
                lines.add(new WindowLine(capped, timeline[number], code));
                continue;
            }
            for (String part : BREAK.split(capped)) {
                lines.add(new WindowLine(part, timeline[number], code));
            }
        }
        return new Lines(lines, headingZone);
    }

    /** Every timeline heading holds "time", "chronology" or "sequence": most headings fail that before the pattern. */
    private static boolean isTimelineHeading(String heading) {
        return (containsIgnoringCase(heading, "time") || containsIgnoringCase(heading, "chronology")
                || containsIgnoringCase(heading, "sequence")) && TIMELINE_HEADING.matcher(heading).find();
    }

    /** A line opening or closing a fenced code block: "```" after any white space, without copying the line. */
    private static boolean startsFence(String line) {
        int at = 0;
        while (at < line.length() && line.charAt(at) <= ' ') {
            at++;
        }
        return line.startsWith("```", at);
    }

    private static Defaults defaults(List<WindowLine> lines, @Nullable TimeZoneName headingNote) {
        TimeZoneName note = headingNote;
        TimeZoneName written = null;
        LocalDate labelled = null;
        LocalDate first = null;
        for (WindowLine line : lines) {
            // a line with no digit holds no zone after a time and no date, only a note; once a zone and a
            // date are found, only a note or a date label can still change the defaults
            boolean read = written != null && first != null
                    ? note == null && line.mayNoteZone() || labelled == null && line.hasDigit() && line.mayLabelDate()
                    : line.hasDigit() || note == null && line.mayNoteZone();
            if (!read) {
                continue;
            }
            String text = line.text();
            if (note == null && (text.contains("imes") || text.contains("IMES"))) {
                Matcher all = ALL_TIMES.matcher(text);
                if (all.find()) {
                    TimeZoneName.Found zone = TimeZoneName.find(text, all.end(), Math.min(text.length(), all.end() + 30));
                    if (zone != null && zone.start() - all.end() <= 2) {
                        note = zone.zone();
                    }
                }
            }
            if (written == null) {
                for (TimeMention time : DateTimeText.times(text)) {
                    if (time.zone() != null) {
                        written = time.zone();
                        break;
                    }
                }
            }
            if (labelled == null && line.field() != null && isDateLabel(line.field().label())) {
                labelled = firstFullDate(line.field().value());
            }
            if (first == null) {
                first = firstFullDate(text);
            }
        }
        return new Defaults(labelled != null ? labelled : first, note != null ? note : written);
    }

    /** Every date label ends with "date": most field labels fail on that, before the pattern. */
    private static boolean isDateLabel(String label) {
        return label.regionMatches(true, label.length() - 4, "date", 0, 4) && DATE_LABEL.matcher(label).matches();
    }

    private static @Nullable LocalDate firstFullDate(String text) {
        for (DateMention date : DateTimeText.dates(text)) {
            if (date.hasYear()) {
                return date.inYear(0);
            }
        }
        return null;
    }

    // ---- explicit moments and ranges ----

    /** The first date, time and zone in {@code text[from, to)}. */
    private static Moment moment(String text, int from, int to) {
        String part = text.substring(from, to);
        List<DateMention> dates = DateTimeText.dates(part);
        List<TimeMention> times = DateTimeText.times(part);
        TimeMention time = times.isEmpty() ? null : times.get(0);
        DateMention date = dates.isEmpty() ? null : dates.get(0);
        // a zone counts only with a time of day (without one, a moment resolves to its date alone), and
        // looking for one in the whole text is most of the cost of a timeline entry
        TimeZoneName zone = time == null ? null : time.zone() != null ? time.zone() : zoneOfNoTime(part, times);
        return new Moment(date, time, zone);
    }

    /**
     * The first zone in the text that is not another time's: in "12:48 (6:48 PDT)" PDT is the zone of
     * 6:48, the same moment in another zone, so 12:48 is in the document's zone, not in PDT.
     */
    private static @Nullable TimeZoneName zoneOfNoTime(String text, List<TimeMention> times) {
        TimeZoneName.Found found = TimeZoneName.find(text, 0, text.length());
        if (found == null) {
            return null;
        }
        for (TimeMention time : times) {
            if (time.zone() != null && found.start() >= time.start() && found.end() <= time.end()) {
                return null;
            }
        }
        return found.zone();
    }

    private static @Nullable TimeZoneName zoneIn(String text) {
        TimeZoneName.Found found = TimeZoneName.find(text, 0, text.length());
        return found == null ? null : found.zone();
    }

    /**
     * A range of two times of day in {@code text}: "X to Y", "X - Y", "between X and Y"; in a duration
     * field any two times (the field states the window, whatever words join them).
     */
    private static Moment @Nullable [] range(String text, boolean durationField) {
        List<TimeMention> times = DateTimeText.times(text);
        if (times.size() < 2) {
            return null;
        }
        List<DateMention> dates = DateTimeText.dates(text);
        for (int i = 0; i + 1 < times.size(); i++) {
            TimeMention first = times.get(i);
            TimeMention second = times.get(i + 1);
            String between = withoutDates(text, first.end(), second.start(), dates);
            String joiner = RANGE_FILLER.matcher(between).replaceAll(" ").trim();
            String before = text.substring(Math.max(0, first.start() - 60), first.start());
            boolean joined = RANGE_WORD.matcher(joiner).matches()
                    && (!joiner.equalsIgnoreCase("and") || BETWEEN.matcher(before).find())
                    || END_JOINER.matcher(joiner).matches() && BEGAN.matcher(before).find();
            if (!joined && !durationField) {
                continue;
            }
            DateMention startDate = lastDateBefore(dates, first.start(), i == 0 ? 0 : times.get(i - 1).end());
            DateMention endDate = dateBetween(dates, first.end(), second.start());
            int windowEnd = Math.min(text.length(), second.end() + 40);
            if (i + 2 < times.size()) {
                windowEnd = Math.min(windowEnd, times.get(i + 2).start());
            }
            DateMention after = dateBetween(dates, second.end(), windowEnd);
            if (endDate == null) {
                endDate = after;
            }
            if (startDate == null) {
                startDate = endDate != null ? endDate : null;
            }
            TimeZoneName endZone = second.zone() != null ? second.zone()
                    : zoneIn(text.substring(second.end(), windowEnd));
            TimeZoneName startZone = first.zone() != null ? first.zone() : endZone;
            // a mention carries its place in the text: equal mentions are the same mention
            boolean endDated = endDate != null && !endDate.equals(startDate);
            Moment start = new Moment(startDate, first, startZone);
            // without its own date the end takes the start's, and crosses midnight when earlier
            Moment end = new Moment(endDated ? endDate : null, sameHalfOfDay(first, second, endDated), endZone);
            return new Moment[] {start, end};
        }
        return null;
    }

    /**
     * The end of "from 9:35 PM until 10:42 AM": read as written it is 13 hours later, across midnight, but a
     * range the author states in one breath is under 12 hours far more often than the AM is right; an end in
     * the morning that the same hour of the evening would place after the start is read in the evening. A
     * real overnight range ("11 PM to 1 AM") has no later evening reading and stays as written.
     */
    private static TimeMention sameHalfOfDay(TimeMention start, TimeMention end, boolean endDated) {
        if (endDated || !start.meridiem() || !end.meridiem() || !end.time().isBefore(start.time())
                || end.time().getHour() >= 12 || !end.time().plusHours(12).isAfter(start.time())) {
            return end;
        }
        return new TimeMention(end.time().plusHours(12), end.zone(), end.start(), end.end(), true);
    }

    private static String withoutDates(String text, int from, int to, List<DateMention> dates) {
        if (to <= from) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.substring(from, to));
        for (int d = dates.size() - 1; d >= 0; d--) {
            DateMention date = dates.get(d);
            if (date.start() >= from && date.end() <= to) {
                out.replace(date.start() - from, date.end() - from, " ");
            }
        }
        return out.toString();
    }

    private static @Nullable DateMention lastDateBefore(List<DateMention> dates, int position, int notBefore) {
        DateMention found = null;
        for (DateMention date : dates) {
            if (date.end() <= position && date.start() >= notBefore) {
                found = date;
            }
        }
        return found;
    }

    private static @Nullable DateMention dateBetween(List<DateMention> dates, int from, int to) {
        for (DateMention date : dates) {
            if (date.start() >= from && date.end() <= to) {
                return date;
            }
        }
        return null;
    }

    /** A moment with the document's date, year and zone filled in; null when no date can be known. */
    private static @Nullable IncidentTime resolve(@Nullable Moment moment, Defaults defaults,
                                                  @Nullable IncidentTime after) {
        if (moment == null || moment.isEmpty()) {
            return null;
        }
        LocalDate date;
        boolean ownDate = moment.date() != null;
        if (ownDate) {
            date = moment.date().inYear(defaults.year());
        } else if (after != null) {
            date = after.date();
        } else {
            date = defaults.date();
        }
        if (date == null) {
            return null;
        }
        if (moment.time() == null) {
            return new IncidentTime(date, null, null);
        }
        LocalDateTime local = date.atTime(moment.time().time());
        if (!ownDate && after != null && after.time() != null && local.isBefore(after.localDateTime())) {
            local = local.plusDays(1); // "22:00 - 01:30": the end is on the next day
        }
        TimeZoneName zone = moment.zone() != null ? moment.zone() : defaults.zone();
        ZoneOffset offset = zone == null ? null : zone.offsetAt(local);
        return IncidentTime.of(local, offset);
    }

    private static @Nullable Integer minutesStated(String value) {
        String text = value;
        for (TimeMention time : DateTimeText.times(value)) {
            text = text.substring(0, time.start()) + " ".repeat(time.end() - time.start()) + text.substring(time.end());
        }
        Matcher amount = AMOUNT.matcher(text);
        double total = 0;
        boolean any = false;
        while (amount.find()) {
            boolean digits = amount.group(1) != null;
            String number = (digits ? amount.group(1) : amount.group(3)).toLowerCase(java.util.Locale.ROOT);
            double count = number.equals("a") || number.equals("an") ? 1
                    : NUMBER_WORDS.contains(number) ? NUMBER_WORDS.indexOf(number) : Double.parseDouble(number);
            char unit = Character.toLowerCase((digits ? amount.group(2) : amount.group(4)).charAt(0));
            total += count * (unit == 'd' ? 1440 : unit == 'h' ? 60 : 1);
            any = true;
        }
        return any && total > 0 && total < 1_000_000 ? (int) Math.round(total) : null;
    }

    // ---- timeline ----

    private static List<Entry> timeline(List<WindowLine> lines, Defaults defaults, @Nullable IncidentTime knownStart) {
        List<StringBuilder> texts = new ArrayList<>();
        List<Moment> moments = new ArrayList<>();
        boolean continuing = false;
        // an entry that is a heading ("### 5:00 PM") or only its time has its text in the paragraphs that
        // follow, up to the next entry, blank lines or not
        boolean spans = false;
        for (WindowLine line : lines) {
            if (!line.inTimeline()) {
                continuing = false;
                continue;
            }
            String text = line.text();
            if (text.isBlank()) {
                continuing = spans;
                continue;
            }
            Moment moment = moment(text, 0, text.length());
            if (!moment.isEmpty() && (line.listOrRow() || headed(text))) {
                texts.add(new StringBuilder(line.raw()).append(' ').append(text));
                moments.add(moment);
                continuing = true;
                spans = moment.time() != null && (line.raw().startsWith("#") || onlyMoment(text, moment));
            } else if (continuing && !texts.isEmpty()) {
                texts.get(texts.size() - 1).append(' ').append(line.raw());
            }
        }
        List<Entry> entries = new ArrayList<>();
        LocalDate current = knownStart != null ? knownStart.date() : defaults.date();
        LocalDateTime previous = null;
        for (int i = 0; i < moments.size(); i++) {
            Moment moment = moments.get(i);
            String text = texts.get(i).toString();
            if (moment.date() != null) {
                LocalDate own = moment.date().inYear(current != null ? current.getYear() : defaults.year());
                if (own == null) {
                    continue;
                }
                current = own;
                previous = null;
                if (moment.time() == null && isDateLine(text, moment.date())) {
                    continue;
                }
            }
            if (current == null) {
                continue;
            }
            if (moment.time() == null) {
                entries.add(new Entry(new IncidentTime(current, null, null), text));
                continue;
            }
            LocalDateTime local = current.atTime(moment.time().time());
            if (previous != null && local.isBefore(previous)) {
                local = local.plusDays(1);
                current = local.toLocalDate();
            }
            previous = local;
            TimeZoneName zone = moment.zone() != null ? moment.zone() : defaults.zone();
            entries.add(new Entry(IncidentTime.of(local, zone == null ? null : zone.offsetAt(local)), text));
        }
        return entries;
    }

    /** Whether the text starts with a time or a date, within its first 40 characters. */
    private static boolean headed(String text) {
        String head = text.length() > 40 ? text.substring(0, 40) : text;
        return !DateTimeText.times(head).isEmpty() || !DateTimeText.dates(head).isEmpty();
    }

    /**
     * Whether the time of day, and the date when the moment has one, are all the line says but for
     * punctuation ("5:00 PM", "[13:26]", "May 1 2019, 3:18 PM").
     */
    private static boolean onlyMoment(String text, Moment moment) {
        for (int i = 0; i < text.length(); i++) {
            boolean inTime = i >= moment.time().start() && i < moment.time().end();
            boolean inDate = moment.date() != null && i >= moment.date().start() && i < moment.date().end();
            if (!inTime && !inDate && Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A line that only names the day the following entries happened on ("### 2016-11-08"). */
    private static boolean isDateLine(String text, DateMention date) {
        String cleaned = DATE_LINE_NOISE.matcher(text).replaceAll(" ").trim();
        int half = cleaned.length() / 2; // the text holds the raw line and the clean line
        return cleaned.length() - 2 * (date.end() - date.start()) < 30 || half < 20;
    }

    /**
     * The time the summary gives for the start, when the timeline's first trouble comes later: the first
     * time of day written outside the timeline from an hour before its first entry up to the entry chosen
     * ("At approximately 09:15 UTC the installer page was edited", where the timeline's first entry is
     * the edit and the first one reporting trouble the reports that followed). The author wrote it where
     * readers look first; a time outside that stretch is about something else (when it was reported,
     * when a provider's maintenance began).
     */
    private static @Nullable IncidentTime statedStart(List<WindowLine> lines, Defaults defaults, IncidentTime first,
                                                      IncidentTime chosen) {
        for (WindowLine line : lines) {
            if (line.inTimeline() || line.inCode() || !line.hasDigit()) {
                continue;
            }
            for (TimeMention time : DateTimeText.times(line.text())) {
                Moment moment = moment(line.text(), time.start(), line.text().length());
                IncidentTime at = resolve(new Moment(lastDateBefore(DateTimeText.dates(line.text()),
                        time.start(), 0), time, moment.zone()), defaults, null);
                Long fromFirst = at == null ? null : first.minutesUntil(at);
                Long toChosen = at == null ? null : at.minutesUntil(chosen);
                if (fromFirst != null && toChosen != null && fromFirst >= -60 && toChosen > 0) {
                    return at;
                }
            }
        }
        return null;
    }

    /** Without a timeline, the sentences that carry a time of day, in document order. */
    private static List<Entry> prose(List<WindowLine> lines, Defaults defaults) {
        List<Entry> entries = new ArrayList<>();
        for (WindowLine line : lines) {
            if (!line.hasDigit()) {
                continue; // no time of day
            }
            for (String sentence : sentences(line.text())) {
                // most sentences state no time of day: they are passed over before their dates and zone
                if (DateTimeText.times(sentence).isEmpty()) {
                    continue;
                }
                Moment moment = moment(sentence, 0, sentence.length());
                IncidentTime at = resolve(moment, defaults, null);
                if (at != null) {
                    entries.add(new Entry(at, sentence));
                }
            }
        }
        return entries;
    }

    /** The text's sentences; a text with no full stop, question or exclamation mark is one. */
    private static String[] sentences(String text) {
        return text.indexOf('.') < 0 && text.indexOf('!') < 0 && text.indexOf('?') < 0
                ? new String[] {text} : SENTENCE.split(text);
    }

    private static @Nullable Entry marked(List<Entry> entries, Pattern marker, List<String> pieces, boolean last) {
        Entry found = null;
        for (Entry entry : entries) {
            // every marker names the outage or the incident and holds one of its pieces: cheap looks
            // first spare the pattern
            String lower = entry.lower();
            if ((lower.contains("outage") || lower.contains("incident")) && holdsAny(lower, pieces)
                    && marker.matcher(entry.text()).find()) {
                found = entry;
                if (!last) {
                    break;
                }
            }
        }
        return found;
    }

    private static int recoveryIndex(List<Entry> entries) {
        for (int i = 1; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String text = entry.text();
            if (holdsAny(entry.lower(), RECOVERY_PIECES) && RECOVERY.matcher(text).find() && !PARTIAL.matcher(text).find()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a lower-cased text holds one of the pieces: a pattern's alternatives each hold one of its
     * pieces (in lower case; the patterns are ASCII-case-insensitive), and {@code String.contains} spares
     * most entries the pattern, tried at every position.
     */
    private static boolean holdsAny(String lower, List<String> pieces) {
        for (String piece : pieces) {
            if (lower.contains(piece)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a lower-cased entry may report trouble: one of TROUBLE's pieces, "time" and "out" (it times
     * out, with any white space), or a status code (a 4 or 5 and two more digits).
     */
    private static boolean mayReportTrouble(String lower) {
        if (holdsAny(lower, TROUBLE_PIECES) || lower.contains("time") && lower.contains("out")) {
            return true;
        }
        for (int i = 0; i + 2 < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c == '4' || c == '5') && isAsciiDigit(lower.charAt(i + 1)) && isAsciiDigit(lower.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The entry the incident starts at: the one a stated duration before the end when there is one
     * (the author's own arithmetic), else the first that reports trouble, else the first.
     */
    private static @Nullable Entry firstStart(List<Entry> entries, @Nullable Entry end, @Nullable Integer statedMinutes) {
        if (entries.isEmpty()) {
            return null;
        }
        if (end != null && statedMinutes != null) {
            // the entry nearest the stated duration, within two minutes of it, the earlier on a tie
            Entry nearest = null;
            long nearestGap = 3;
            for (Entry entry : entries) {
                Long minutes = entry.at().minutesUntil(end.at());
                long gap = minutes == null ? Long.MAX_VALUE : Math.abs(minutes - statedMinutes);
                if (gap < nearestGap) {
                    nearest = entry;
                    nearestGap = gap;
                }
            }
            if (nearest != null) {
                return nearest;
            }
        }
        for (Entry entry : entries) {
            if (mayReportTrouble(entry.lower()) && TROUBLE.matcher(entry.text()).find()) {
                return entry;
            }
        }
        return entries.get(0);
    }
}
