-- covers: XA transactions. A one-phase XA COMMIT is logged as an ordinary transaction and must replicate;
--   a two-phase XA transaction (XA START .. XA END, XA PREPARE, then XA COMMIT as its own binlog
--   transaction) cannot be applied whole from the prepared part, so the link must stop at the XA PREPARE
--   naming the cause, and apply nothing of it or after it.
-- expect: stop UNSUPPORTED_EVENT XA

CREATE DATABASE acme;
USE acme;
CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10));
XA START 'one-phase';
INSERT INTO t VALUES (1, 'one phase');
XA END 'one-phase';
XA COMMIT 'one-phase' ONE PHASE;

-- @offending
XA START 'two-phase';
INSERT INTO t VALUES (2, 'two phase');
UPDATE t SET v = 'changed' WHERE id = 1;
XA END 'two-phase';
XA PREPARE 'two-phase';
XA COMMIT 'two-phase';
INSERT INTO t VALUES (3, 'after');
