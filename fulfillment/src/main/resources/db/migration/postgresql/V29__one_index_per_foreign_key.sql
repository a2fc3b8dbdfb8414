-- H2 only: there, each foreign key has an index of its own and V29 drops the shared migrations' second
-- index on the same columns. PostgreSQL makes no index for a foreign key, so the shared ones are the only
-- ones and stay. This script keeps the two stores' version histories the same.
SELECT 1;
