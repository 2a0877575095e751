-- covers: a transaction rolled back (nothing may reach the copy); one rolled back after a failed statement;
--   one committed after a statement failed with a duplicate key (the failed statement leaves nothing, the
--   rest commits); a rolled-back transaction that also wrote a MyISAM table (its rows stay, the binlog logs
--   them with a ROLLBACK); a multi-row INSERT into MyISAM that fails half way (the rows before the failure
--   stay); INSERT IGNORE skipping duplicates.
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10));
CREATE TABLE m (id INT PRIMARY KEY, v VARCHAR(10)) ENGINE = MyISAM;
INSERT INTO t VALUES (1, 'one');

BEGIN;
INSERT INTO t VALUES (2, 'never');
UPDATE t SET v = 'never' WHERE id = 1;
ROLLBACK;

BEGIN;
INSERT INTO t VALUES (3, 'never');
-- @error 1062
INSERT INTO t VALUES (1, 'dup');
ROLLBACK;

BEGIN;
INSERT INTO t VALUES (4, 'kept');
-- @error 1062
INSERT INTO t VALUES (5, 'partial'), (1, 'dup');
UPDATE t SET v = 'kept too' WHERE id = 1;
COMMIT;

BEGIN;
INSERT INTO t VALUES (6, 'never');
INSERT INTO m VALUES (1, 'stays');
ROLLBACK;

-- @error 1062
INSERT INTO m VALUES (2, 'stays'), (3, 'stays'), (1, 'dup'), (4, 'never');

INSERT IGNORE INTO t VALUES (1, 'ignored'), (7, 'inserted');
