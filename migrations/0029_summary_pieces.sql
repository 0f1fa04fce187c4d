-- A part of the summary whose long texts would pass D1's 2,000,000 bytes for a row (a hundred rows of
-- 5,000-character 内容摘要 and 答复内容, 3 bytes a character): its rows' long values and its export
-- lines are kept here instead, in pieces of at most 600,000 characters (src/domain/summary/long-texts.ts).
-- kind 'rows': JSON objects, sheet row number → the row's long values (its part's rows mark it `t`);
-- kind 'csv': the part's export lines, cut in order (the part's own csv is then ''). Written in the
-- part's batch with it; a part of short texts (the usual) has none.
CREATE TABLE IF NOT EXISTS summary_pieces (
  part INTEGER NOT NULL,
  kind TEXT NOT NULL,
  seq INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (part, kind, seq)
);
