-- A suggestion staff deleted from the sheet on purpose: who confirmed the deletion on the
-- dashboard, and when. A confirmation made since the row vanished silences 校验问题's "已从本表消失"
-- for that removal (a later removal of the same 编号, after it came back, is reported again).
ALTER TABLE suggestions ADD COLUMN removal_confirmed_at TEXT;
ALTER TABLE suggestions ADD COLUMN removal_confirmed_by TEXT;
