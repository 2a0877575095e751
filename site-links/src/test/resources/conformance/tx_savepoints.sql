-- covers: savepoints as frameworks emit them inside row transactions: Spring/JDBC (SAVEPOINT SAVEPOINT_1,
--   RELEASE, ROLLBACK TO), Django (backquoted names s<thread>_x<n>), Rails (active_record_<n>); a savepoint
--   then COMMIT (issue 11 case 1); nested savepoints rolled back to the inner and to the outer one; a
--   savepoint name reused; ROLLBACK TO after rows were written (they must not reach the copy) and writes
--   after it; a transaction that also writes a MyISAM table, so the binlog keeps the SAVEPOINT/ROLLBACK TO
--   statements around rows instead of truncating them; a transaction rolled back entirely after savepoints.
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE sp (id INT PRIMARY KEY, v VARCHAR(20));
CREATE TABLE sp_audit (id INT AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(30)) ENGINE = MyISAM;

-- issue 11 case 1
BEGIN;
INSERT INTO sp VALUES (20, 'a');
SAVEPOINT s1;
INSERT INTO sp VALUES (21, 'b');
COMMIT;

-- Spring: JdbcTemplate in a nested (PROPAGATION_NESTED) transaction
SET autocommit = 0;
INSERT INTO sp VALUES (30, 'outer');
SAVEPOINT SAVEPOINT_1;
INSERT INTO sp VALUES (31, 'nested');
RELEASE SAVEPOINT SAVEPOINT_1;
SAVEPOINT SAVEPOINT_2;
INSERT INTO sp VALUES (32, 'undone');
UPDATE sp SET v = 'undone' WHERE id = 30;
ROLLBACK TO SAVEPOINT SAVEPOINT_2;
INSERT INTO sp VALUES (33, 'after');
COMMIT;
SET autocommit = 1;

-- Django: transaction.atomic() nested three deep, the innermost rolled back
BEGIN;
INSERT INTO sp VALUES (40, 'django');
SAVEPOINT `s140241234567_x1`;
INSERT INTO sp VALUES (41, 'x1');
SAVEPOINT `s140241234567_x2`;
INSERT INTO sp VALUES (42, 'x2');
ROLLBACK TO SAVEPOINT `s140241234567_x2`;
RELEASE SAVEPOINT `s140241234567_x2`;
RELEASE SAVEPOINT `s140241234567_x1`;
COMMIT;

-- Rails: requires_new transactions, one rolled back to the outer savepoint, a name reused
BEGIN;
INSERT INTO sp VALUES (50, 'rails');
SAVEPOINT active_record_1;
INSERT INTO sp VALUES (51, 'ar1');
SAVEPOINT active_record_2;
INSERT INTO sp VALUES (52, 'ar2');
ROLLBACK TO SAVEPOINT active_record_1;
SAVEPOINT active_record_1;
INSERT INTO sp VALUES (53, 'ar1 again');
RELEASE SAVEPOINT active_record_1;
COMMIT;

-- a non-transactional (MyISAM) write in the transaction keeps SAVEPOINT and ROLLBACK TO in the binlog
BEGIN;
INSERT INTO sp VALUES (60, 'mixed');
INSERT INTO sp_audit (msg) VALUES ('before savepoint');
SAVEPOINT m1;
INSERT INTO sp VALUES (61, 'rolled back');
UPDATE sp SET v = 'rolled back' WHERE id = 20;
DELETE FROM sp WHERE id = 21;
INSERT INTO sp_audit (msg) VALUES ('inside savepoint');
ROLLBACK TO SAVEPOINT m1;
INSERT INTO sp VALUES (62, 'kept');
COMMIT;

-- rolled back entirely after savepoints (the MyISAM rows stay)
BEGIN;
INSERT INTO sp VALUES (70, 'never');
SAVEPOINT r1;
INSERT INTO sp VALUES (71, 'never');
INSERT INTO sp_audit (msg) VALUES ('survives rollback');
ROLLBACK;
