-- Which extracted facts a person corrected (comma-separated API names such as "title,root_cause.component"):
-- a re-import of the source leaves those as the person set them.
ALTER TABLE postmortem ADD COLUMN corrected_fields VARCHAR(500);

-- A source reference names one postmortem, so a changed text from the same source updates it. Imports
-- before this kept one row per text; the newest row keeps the reference, older copies lose it. DISTINCT
-- keeps MySQL from merging the derived table into the UPDATE, which it refuses for its own target table.
UPDATE postmortem SET source_ref = NULL
WHERE id IN (SELECT id FROM (SELECT DISTINCT older.id FROM postmortem older
                             JOIN postmortem newer ON newer.source_ref = older.source_ref AND newer.id > older.id)
             AS superseded);

DROP INDEX ix_postmortem_source_ref ON postmortem;
-- NULLs do not collide: postmortems imported without a source stay one row per text.
CREATE UNIQUE INDEX uq_postmortem_source_ref ON postmortem (source_ref);
