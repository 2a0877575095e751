-- covers: DML logged as statements because the session switched to binlog_format=STATEMENT (issue 11 case 2):
--   a multi-statement transaction of INSERTs and an UPDATE. A link cannot apply a statement's effects
--   faithfully, so it must stop naming the cause, and apply nothing of that transaction or after it (the
--   row-logged insert that follows stays behind too).
-- expect: stop STATEMENT_LOGGED statement

CREATE DATABASE acme;
USE acme;
CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10));
INSERT INTO t VALUES (1, 'row');

-- @offending
SET SESSION binlog_format = STATEMENT;
BEGIN;
INSERT INTO t VALUES (30, 'stmt');
INSERT INTO t VALUES (31, 'stmt');
UPDATE t SET v = 'stmt' WHERE id = 1;
COMMIT;
SET SESSION binlog_format = ROW;
INSERT INTO t VALUES (32, 'after');
