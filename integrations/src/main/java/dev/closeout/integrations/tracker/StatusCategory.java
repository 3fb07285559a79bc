package dev.closeout.integrations.tracker;

/** The category of a ticket's status: names and ids vary by workflow, categories do not. */
public enum StatusCategory {
    /** Jira's {@code new} ("To Do"). */
    TO_DO,
    /** Jira's {@code indeterminate} ("In Progress"). */
    IN_PROGRESS,
    /** Jira's {@code done}. */
    DONE,
    /** Jira's {@code undefined}, or a category this version does not know. */
    UNDEFINED
}
