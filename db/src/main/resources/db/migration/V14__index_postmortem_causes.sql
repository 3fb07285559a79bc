-- The weekly review's recurring causes (dev.closeout.report.WeekRecurrences) count every earlier incident of each
-- root cause, component and trigger, with its latest incident date. At 100,000 postmortems that read 95,000
-- entries of ix_postmortem_recurring (whose key also holds service and title) into a temporary table; this
-- narrow index gives them already grouped, from the index alone.
CREATE INDEX ix_postmortem_cause ON postmortem (root_cause_component, root_cause_trigger, incident_start, created_at);
