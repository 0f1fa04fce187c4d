-- Keys of 到期提醒 and 逾期催办 written before the day was in them (a bare d<offset> or n<k>, builds
-- before 12-06) take their day from their own row, so that after an upgrade they keep meaning what
-- they meant when a 办理期限 moves later (an extension approved, a 交办日期 corrected): a bare key is
-- read against the 办理期限 as it stands, so an old build's d15 hid the new date's d15, and its n1
-- and n2 the new date's first urges (explorer AI, 12-06).
-- 到期提醒: the day it fell due (due_on, as new keys have it). 逾期催办: the day it was planned, in
-- Beijing time (the day the series is spaced from, as new keys have it; a catch-up went out days
-- after its grid day, which due_on holds). A key another row already holds with its day is left bare
-- (OR IGNORE): it still means what it meant.
UPDATE OR IGNORE notices
SET occurrence = occurrence || '@' || (CASE type WHEN '到期提醒' THEN due_on ELSE date(planned_at, '+8 hours') END),
    idempotency_key = replace(
      idempotency_key,
      '|r' || round || '|' || occurrence || '|',
      '|r' || round || '|' || occurrence || '@' || (CASE type WHEN '到期提醒' THEN due_on ELSE date(planned_at, '+8 hours') END) || '|'
    )
WHERE type IN ('到期提醒', '逾期催办')
  AND instr(occurrence, '@') = 0
  AND (occurrence GLOB 'd[0-9]*' OR occurrence GLOB 'n[0-9]*');
