-- covers: INSERT ... ON DUPLICATE KEY UPDATE (on the primary key and on a secondary unique key, with
--   VALUES() and with the new-row alias-free form, a mix of inserted and updated rows in one statement, an
--   update to the same values that changes nothing), REPLACE (no conflict, primary key conflict, and a row
--   that conflicts with two existing rows on two unique keys: both are deleted), REPLACE ... SELECT, INSERT
--   IGNORE, INSERT ... SELECT ... ON DUPLICATE KEY UPDATE.
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE counters (id INT PRIMARY KEY, email VARCHAR(40) UNIQUE, hits INT NOT NULL DEFAULT 0, note VARCHAR(20));
INSERT INTO counters VALUES (1, 'a@x', 1, 'a'), (2, 'b@x', 1, 'b'), (3, 'c@x', 1, 'c');

INSERT INTO counters (id, email, hits) VALUES (1, 'a@x', 1) ON DUPLICATE KEY UPDATE hits = hits + 1;
INSERT INTO counters (id, email, hits) VALUES (9, 'b@x', 5) ON DUPLICATE KEY UPDATE hits = hits + VALUES(hits);
INSERT INTO counters (id, email, hits, note) VALUES (3, 'c@x', 1, 'c'), (4, 'd@x', 1, 'new'), (1, 'a@x', 0, 'a')
  ON DUPLICATE KEY UPDATE note = CONCAT(note, '+'), hits = hits + 1;
INSERT INTO counters (id, email, hits, note) VALUES (2, 'b@x', 6, 'b') ON DUPLICATE KEY UPDATE hits = 6, note = 'b';

REPLACE INTO counters VALUES (5, 'e@x', 1, 'replace new');
REPLACE INTO counters VALUES (4, 'd2@x', 2, 'replaced by id');
-- conflicts with id 1 on the key and with id 2 on email: both rows go
REPLACE INTO counters VALUES (1, 'b@x', 3, 'two conflicts');

CREATE TABLE staging (id INT PRIMARY KEY, email VARCHAR(40), hits INT);
INSERT INTO staging VALUES (3, 'c@x', 100), (6, 'f@x', 1), (7, 'a@x', 7);
REPLACE INTO counters (id, email, hits) SELECT id, email, hits FROM staging WHERE id < 7;
INSERT INTO counters (id, email, hits) SELECT id, email, hits FROM staging WHERE id = 7
  ON DUPLICATE KEY UPDATE hits = counters.hits + staging.hits;
INSERT IGNORE INTO counters VALUES (5, 'dup@x', 0, 'ignored'), (8, 'h@x', 0, 'inserted'), (10, 'h@x', 0, 'ignored');
