package dev.closeout.postmortem.extraction;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The columns of an action-item table, found from its header: which cell holds the work, and which
 * the owner, ticket, type, status, priority and due date. Column names vary between templates
 * ("Action Item | Type | Owner | Bug", "Description | Type | Owner | Issue #").
 */
record ActionTable(int text, int owner, int ticket, int type, int status, int priority, int due) {

    private static final int NONE = -1;
    private static final Pattern TEXT = Pattern.compile(
            "\\b(action|item|description|task|what|title|summary|follow[- ]?up|work|remediation|measure|fix)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME_COLUMN = Pattern.compile("(?i)\\s*(time|date|timestamp|when)\\b.*");
    private static final Pattern OWNER = Pattern.compile(
            "\\b(owners?|assignee|assigned|who|responsible|dri|team|lead)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TICKET = Pattern.compile(
            "\\b(bug|issue|ticket|tracking|jira|link|pr|reference|ref)\\b|#", Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE = Pattern.compile("\\b(type|kind|category)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATUS = Pattern.compile("\\b(status|state|done|progress)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIORITY = Pattern.compile("\\b(priority|prio|severity|p)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DUE = Pattern.compile(
            "\\b(due|deadline|eta|target|date|when|by)\\b", Pattern.CASE_INSENSITIVE);
    /** Rows the team decided against: "Will not do", "Won't fix". */
    private static final Pattern DECLINED = Pattern.compile(
            "\\b(won.?t (do|fix)|will not (do|fix)|may not do|not planned|declined|cancell?ed|wontfix|obsolete)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_COLUMNS = 64;

    /** The table's columns; a table with no recognisable work column reads its first column. */
    static ActionTable of(List<String> header) {
        int text = NONE;
        int owner = NONE;
        int ticket = NONE;
        int type = NONE;
        int status = NONE;
        int priority = NONE;
        int due = NONE;
        int columns = Math.min(header.size(), MAX_COLUMNS);
        for (int i = 0; i < columns; i++) {
            String name = header.get(i);
            if (text == NONE && TEXT.matcher(name).find() && !TYPE.matcher(name).find()) {
                text = i;
            } else if (owner == NONE && OWNER.matcher(name).find()) {
                owner = i;
            } else if (ticket == NONE && TICKET.matcher(name).find()) {
                ticket = i;
            } else if (type == NONE && TYPE.matcher(name).find()) {
                type = i;
            } else if (status == NONE && STATUS.matcher(name).find()) {
                status = i;
            } else if (priority == NONE && PRIORITY.matcher(name).find()) {
                priority = i;
            } else if (due == NONE && DUE.matcher(name).find()) {
                due = i;
            }
        }
        return new ActionTable(text == NONE ? 0 : text, owner, ticket, type, status, priority, due);
    }

    /** Does the header look like a list of work rather than a timeline or a glossary? */
    static boolean looksLikeActions(List<String> header) {
        boolean time = !header.isEmpty() && TIME_COLUMN.matcher(header.get(0)).matches();
        return !time;
    }

    static boolean declined(List<String> row) {
        for (String cell : row) {
            if (DECLINED.matcher(cell).find()) {
                return true;
            }
        }
        return false;
    }

    static String cell(List<String> row, int column) {
        return column >= 0 && column < row.size() ? row.get(column) : null;
    }
}
