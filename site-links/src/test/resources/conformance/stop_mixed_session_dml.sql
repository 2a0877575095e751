-- covers: a session that switched to binlog_format=MIXED (MariaDB's default format), whose deterministic
--   single-statement INSERT is then logged as a statement in an autocommit transaction. The link must stop
--   naming the cause and apply nothing of it or after it.
-- expect: stop STATEMENT_LOGGED statement

CREATE DATABASE acme;
USE acme;
CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10));
INSERT INTO t VALUES (1, 'row');

-- @offending
SET SESSION binlog_format = MIXED;
INSERT INTO t VALUES (40, 'mixed');
DELETE FROM t WHERE id = 1;
SET SESSION binlog_format = ROW;
