-- Issue 11: which rows of each stored part mention each unit, deputy and leader (a JSON object:
-- "unit:区教育局" → the rows' places in the part's facts). A personal link's page has D1 pick its
-- recipient's few rows instead of parsing the facts of all 2,000 within its 10 ms of CPU.
-- NULL for parts stored by an older build: pages read every row's facts until a sync stores them.
ALTER TABLE summary_parts ADD COLUMN mentions TEXT;
