-- Benchmark data for the recurring-causes report and the similar-incidents index (docs/reports.md):
-- 100,000 postmortems over three years (2023-12-01 to 2026-11-30), 50 teams owning 200 services,
-- 1,000,000 follow-ups (10 per postmortem) with their history. MariaDB only (the seq_1_to_N tables of
-- its SEQUENCE engine); run on an empty, migrated Closeout database:
--   mysql -h127.0.0.1 -uroot closeout_recurring_bench < app/src/test/resources/bench/recurring-causes-data.sql
-- Deterministic: the same rows every time (CRC32 of the row number stands in for randomness).

SET @start = TIMESTAMP('2023-12-01 00:00:00');

INSERT INTO team (id, team_key, name, default_owner, created_at, updated_at)
SELECT seq, CONCAT('t', LPAD(seq, 2, '0')), CONCAT('Team ', seq), CONCAT('oncall-', seq), @start, @start
FROM seq_1_to_50;

INSERT INTO team_service (service_name, team_id)
SELECT CONCAT('svc-', LPAD(seq, 3, '0')), (seq - 1) % 50 + 1 FROM seq_1_to_200;

-- The taxonomy, skewed the way incidents are: configuration changes and code changes of applications and
-- databases come back far more often than certificate expiries.
CREATE TEMPORARY TABLE bench_component (idx INT PRIMARY KEY, name VARCHAR(32), noun VARCHAR(100));
INSERT INTO bench_component VALUES
 (0, 'application', 'the order service'), (1, 'database', 'the primary MySQL database'),
 (2, 'load-balancer', 'the edge load balancer'), (3, 'cache', 'the Redis cache cluster'),
 (4, 'queue', 'the Kafka event queue'), (5, 'compute', 'the Kubernetes worker nodes'),
 (6, 'network', 'the internal network routing'), (7, 'dns', 'the internal DNS resolver'),
 (8, 'storage', 'the shared storage volume'), (9, 'web-server', 'the nginx front end'),
 (10, 'third-party', 'the payment provider API'), (11, 'deploy-pipeline', 'the CI/CD release pipeline'),
 (12, 'auth', 'the identity provider'), (13, 'certificate', 'the TLS certificate of the API'),
 (14, 'monitoring', 'the alerting pipeline'), (15, 'other', 'an office network link');

CREATE TEMPORARY TABLE bench_trigger (idx INT PRIMARY KEY, name VARCHAR(32), phrase VARCHAR(200));
INSERT INTO bench_trigger VALUES
 (0, 'configuration-change', 'after a configuration change was rolled out without review'),
 (1, 'code-change', 'after a release shipped a regression'),
 (2, 'traffic-surge', 'during a traffic surge from a marketing campaign'),
 (3, 'resource-exhaustion', 'when connections and memory ran out under normal load'),
 (4, 'dependency-failure', 'when a dependency it relies on failed'),
 (5, 'human-error', 'after an operator ran a command on the wrong host'),
 (6, 'software-bug', 'because of a latent bug in retry handling'),
 (7, 'hardware-failure', 'when a disk controller failed'),
 (8, 'expiry', 'when a credential expired unnoticed'),
 (9, 'attack', 'during a credential-stuffing attack'),
 (10, 'unknown', 'for reasons still not understood');

CREATE TEMPORARY TABLE bench_pm (
  id BIGINT PRIMARY KEY, comp INT, trig INT, svc INT, start_at DATETIME(6), created DATETIME(6), has_start BOOLEAN);
INSERT INTO bench_pm
SELECT seq,
       -- squares of uniform numbers: low indexes (common causes) far more often
       FLOOR(POW((CRC32(CONCAT('c', seq)) % 1000) / 1000, 2) * 16),
       FLOOR(POW((CRC32(CONCAT('t', seq)) % 1000) / 1000, 2) * 11),
       CRC32(CONCAT('s', seq)) % 200 + 1,
       @start + INTERVAL FLOOR((seq - 1) * 945.0) SECOND,
       @start + INTERVAL FLOOR((seq - 1) * 945.0) SECOND + INTERVAL (CRC32(CONCAT('d', seq)) % 5 + 1) DAY,
       CRC32(CONCAT('n', seq)) % 10 <> 0
FROM seq_1_to_100000;

INSERT INTO postmortem (id, source_ref, title, service, format, incident_start, incident_end, incident_zone,
                        duration_minutes, root_cause_summary, root_cause_component, root_cause_trigger,
                        original_text, content_hash, created_at, updated_at)
SELECT p.id, CONCAT('bench/', p.id, '.md'),
       CONCAT('Postmortem: ', c.noun, ' outage on svc-', LPAD(p.svc, 3, '0'), ' (INC-', p.id, ')'),
       CONCAT('svc-', LPAD(p.svc, 3, '0')), 'markdown',
       IF(p.has_start, p.start_at, NULL), IF(p.has_start, p.start_at + INTERVAL 95 MINUTE, NULL),
       IF(p.has_start, 'UTC', NULL), IF(p.has_start, 95, NULL),
       CONCAT(UPPER(LEFT(c.noun, 1)), SUBSTRING(c.noun, 2), ' failed ', t.phrase, '; requests to svc-',
              LPAD(p.svc, 3, '0'), ' timed out', IF(p.id % 3 = 0, ' and retries piled up.', '.')),
       c.name, t.name,
       CONCAT('# Postmortem INC-', p.id, '\n\n', REPEAT('Timeline, impact and discussion of the incident. ', 60)),
       SHA2(CONCAT('bench-', p.id), 256), p.created, p.created
FROM bench_pm p JOIN bench_component c ON c.idx = p.comp JOIN bench_trigger t ON t.idx = p.trig;

-- Ten follow-ups each: status by the follow-up's own number (done 55%, not_doing 5%, open 28%,
-- in_progress 12%); 5% of the closed ones were reopened once (a third of those closed again since).
CREATE TEMPORARY TABLE bench_action (
  id BIGINT PRIMARY KEY, pm BIGINT, pos INT, r INT, created DATETIME(6), closed DATETIME(6), reopened DATETIME(6),
  status VARCHAR(16), team BIGINT);
INSERT INTO bench_action
SELECT (p.id - 1) * 10 + s.seq, p.id, s.seq - 1, CRC32(CONCAT('a', p.id, '-', s.seq)) % 1000, p.created,
       NULL, NULL, NULL,
       -- 5% of follow-ups go to another team than the service's
       IF(CRC32(CONCAT('x', p.id, '-', s.seq)) % 20 = 0, (p.svc + 7) % 50 + 1, (p.svc - 1) % 50 + 1)
FROM bench_pm p JOIN seq_1_to_10 s;

UPDATE bench_action SET status = CASE WHEN r < 550 THEN 'done' WHEN r < 600 THEN 'not_doing'
                                      WHEN r < 880 THEN 'open' ELSE 'in_progress' END;
UPDATE bench_action SET closed = created + INTERVAL (r % 90 + 3) DAY WHERE status IN ('done', 'not_doing');
-- reopened: closed, reopened 20 days later; two thirds stay open, one third were closed again
UPDATE bench_action SET reopened = closed + INTERVAL 20 DAY WHERE status IN ('done', 'not_doing') AND r % 20 = 1;
UPDATE bench_action SET status = 'open' WHERE reopened IS NOT NULL AND r % 3 <> 0;

INSERT INTO action_item (id, postmortem_id, position, text, kind, owner, team_id, due_date, due_source, priority,
                         status, removed_from_source, created_at, updated_at, closed_at, version,
                         postmortem_service)
SELECT a.id, a.pm, a.pos,
       CONCAT(ELT(a.pos + 1, 'Add an alert on', 'Write a runbook for', 'Add a load test of',
                  'Review the configuration of', 'Add a canary stage for', 'Set capacity limits on',
                  'Add retries with backoff to', 'Document the failover of', 'Audit the access to',
                  'Automate the recovery of'), ' ', c.noun, ' (INC-', a.pm, ')'),
       IF(a.pos % 2 = 0, 'corrective', 'preventative'), CONCAT('owner-', a.r % 300), a.team,
       DATE(a.created) + INTERVAL (28 + (a.pos % 2) * 28) DAY, 'policy', ELT(a.pos % 3 + 1, 'p1', 'p2', 'p3'),
       a.status, FALSE, a.created,
       COALESCE(IF(a.status IN ('done', 'not_doing') AND a.reopened IS NOT NULL, a.reopened + INTERVAL 10 DAY,
                   a.reopened), a.closed, a.created),
       CASE WHEN a.status IN ('done', 'not_doing') AND a.reopened IS NOT NULL THEN a.reopened + INTERVAL 10 DAY
            WHEN a.status IN ('done', 'not_doing') THEN a.closed END, 0, CONCAT('svc-', LPAD(p.svc, 3, '0'))
FROM bench_action a JOIN bench_pm p ON p.id = a.pm JOIN bench_component c ON c.idx = p.comp;

-- history: created; closed (to its first closing status); reopened; closed again
INSERT INTO action_event (action_id, field, old_value, new_value, actor, occurred_at)
SELECT id, 'created', NULL, 'open', 'import', created FROM bench_action;
INSERT INTO action_event (action_id, field, old_value, new_value, actor, occurred_at)
SELECT id, 'status', 'open', IF(r < 550, 'done', 'not_doing'), 'token:bench', closed
FROM bench_action WHERE closed IS NOT NULL;
INSERT INTO action_event (action_id, field, old_value, new_value, actor, occurred_at)
SELECT id, 'status', IF(r < 550, 'done', 'not_doing'), 'open', 'token:bench', reopened
FROM bench_action WHERE reopened IS NOT NULL;
INSERT INTO action_event (action_id, field, old_value, new_value, actor, occurred_at)
SELECT id, 'status', 'open', status, 'token:bench', reopened + INTERVAL 10 DAY
FROM bench_action WHERE reopened IS NOT NULL AND status IN ('done', 'not_doing');

ANALYZE TABLE postmortem, action_item, action_event;
