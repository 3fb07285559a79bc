-- Fills an empty, migrated MariaDB database with the overdue report's benchmark data (docs/reports.md, "Overdue"):
-- 50 teams, 200 services, 100,000 postmortems over three years, 1,000,000 follow-ups and their history.
-- MariaDB only (its seq_1_to_N tables). About 80 s on the project's machine:
--   mysql -h127.0.0.1 -uroot closeout_overdue_bench < docs/bench/overdue-report-data.sql
SET @start = TIMESTAMP('2023-12-01 00:00:00');
INSERT INTO team (id, team_key, name, default_owner, created_at, updated_at)
SELECT seq, CONCAT('team', LPAD(seq, 2, '0')), CONCAT('Team ', seq), CONCAT('oncall', seq), @start, @start FROM seq_1_to_50;
INSERT INTO team_service (service_name, team_id) SELECT CONCAT('svc', LPAD(seq, 3, '0')), (seq % 50) + 1 FROM seq_0_to_199;
INSERT INTO postmortem (id, source_ref, title, service, incident_start, original_text, content_hash, created_at, updated_at)
SELECT seq, CONCAT('gen/', seq, '.md'), CONCAT('Incident ', seq), CONCAT('svc', LPAD(seq % 200, 3, '0')),
       @start + INTERVAL (seq * 946) SECOND, 'x', SHA2(seq, 256),
       @start + INTERVAL (seq * 946 + 86400) SECOND, @start + INTERVAL (seq * 946 + 86400) SECOND
FROM seq_1_to_100000;
INSERT INTO action_item (id, postmortem_id, position, text, kind, owner, team_id, due_date, due_source, priority,
                         status, removed_from_source, created_at, updated_at, version, postmortem_service)
SELECT seq, p.id, seq % 10, CONCAT('Follow-up ', seq, ' of incident ', p.id),
       IF(seq % 2 = 0, 'corrective', 'preventative'),
       CONCAT('owner', LPAD(((seq % 20) + ((p.id % 200) % 50) * 20), 4, '0')),
       IF(seq % 50 = 0, NULL, ((p.id % 200) % 50) + 1),
       DATE(p.created_at) + INTERVAL (28 + seq % 60) DAY, 'policy',
       ELT(1 + seq % 4, 'p1', 'p2', 'p3', 'p4'),
       CASE WHEN p.created_at > TIMESTAMP('2026-12-06') - INTERVAL 180 DAY
            THEN ELT(1 + (seq * 7) % 20, 'open','open','open','open','open','open','open','open','open','open',
                     'in_progress','in_progress','in_progress','in_progress','done','done','done','done','done','not_doing')
            ELSE ELT(1 + (seq * 7) % 20, 'open','in_progress','done','done','done','done','done','done','done','done',
                     'done','done','done','done','done','done','done','done','not_doing','not_doing') END,
       seq % 100 = 0, p.created_at, p.created_at, 0, p.service
FROM seq_1_to_1000000 s JOIN postmortem p ON p.id = (s.seq + 9) DIV 10;
INSERT INTO action_event (action_id, field, old_value, new_value, actor, occurred_at)
SELECT id, 'created', NULL, 'open', 'gen', created_at FROM action_item;
INSERT INTO action_event (action_id, field, old_value, new_value, actor, occurred_at)
SELECT id, 'status', 'open', status, 'gen', created_at + INTERVAL (10 + id % 50) DAY FROM action_item WHERE status <> 'open';
-- every 25th closed one was reopened later and closed again
INSERT INTO action_event (action_id, field, old_value, new_value, actor, occurred_at)
SELECT id, 'status', status, 'open', 'gen', created_at + INTERVAL (70 + id % 50) DAY FROM action_item
WHERE status IN ('done', 'not_doing') AND id % 25 = 0;
INSERT INTO action_event (action_id, field, old_value, new_value, actor, occurred_at)
SELECT id, 'status', 'open', status, 'gen', created_at + INTERVAL (100 + id % 50) DAY FROM action_item
WHERE status IN ('done', 'not_doing') AND id % 25 = 0;
INSERT INTO action_event (action_id, field, old_value, new_value, actor, occurred_at)
SELECT id, 'removed_from_source', 'false', 'true', 'gen', created_at + INTERVAL 5 DAY FROM action_item WHERE removed_from_source;
UPDATE action_item SET closed_at = created_at + INTERVAL (10 + id % 50) DAY WHERE status IN ('done', 'not_doing');
ANALYZE TABLE action_item, action_event, postmortem, team;
