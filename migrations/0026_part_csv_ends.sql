-- Where each row's line ends in a part's export lines (csv), as UTF-8 byte offsets (a JSON array,
-- one per row, in the rows' order), written with the lines: the export of a filtered list cuts its
-- rows' lines out of the stored bytes (R2's copy or D1's) without the Worker reading them as text.
-- NULL for a part stored before: the export splits that part's lines itself until the next sync
-- stores it again (the first sync of a day stores every part).
ALTER TABLE summary_parts ADD COLUMN csv_ends TEXT;
