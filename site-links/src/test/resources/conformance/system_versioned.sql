-- covers: system-versioned tables (implicit ROW_START/ROW_END and explicit invisible period columns),
--   history made by updates and deletes in several transactions at fixed session timestamps, a table
--   partitioned BY SYSTEM_TIME, a column excluded from versioning; the copy must hold the same current rows
--   and the same history (every row version with its period).
-- expect: identical

CREATE DATABASE acme;
USE acme;

CREATE TABLE accounts (id INT PRIMARY KEY, balance DECIMAL(12,2), owner VARCHAR(20)) WITH SYSTEM VERSIONING;
SET timestamp = 1700000000.000001;
INSERT INTO accounts VALUES (1, 100, 'ann'), (2, 200, 'bob'), (3, 300, 'cy');
SET timestamp = 1700000100.5;
UPDATE accounts SET balance = balance - 50 WHERE id = 1;
SET timestamp = 1700000200.25;
BEGIN;
UPDATE accounts SET balance = balance + 50 WHERE id = 2;
DELETE FROM accounts WHERE id = 3;
COMMIT;
SET timestamp = DEFAULT;
UPDATE accounts SET owner = 'ann b.' WHERE id = 1;

CREATE TABLE explicit_period (
  id INT PRIMARY KEY, v VARCHAR(10),
  valid_from TIMESTAMP(6) GENERATED ALWAYS AS ROW START INVISIBLE,
  valid_to TIMESTAMP(6) GENERATED ALWAYS AS ROW END INVISIBLE,
  PERIOD FOR SYSTEM_TIME (valid_from, valid_to)
) WITH SYSTEM VERSIONING;
SET timestamp = 1700001000.123456;
INSERT INTO explicit_period (id, v) VALUES (1, 'a'), (2, 'b');
SET timestamp = 1700002000.654321;
UPDATE explicit_period SET v = 'a2' WHERE id = 1;
DELETE FROM explicit_period WHERE id = 2;
SET timestamp = DEFAULT;

CREATE TABLE partly_versioned (id INT PRIMARY KEY, tracked INT, untracked INT WITHOUT SYSTEM VERSIONING)
  WITH SYSTEM VERSIONING;
INSERT INTO partly_versioned VALUES (1, 1, 1);
UPDATE partly_versioned SET untracked = 2 WHERE id = 1;
UPDATE partly_versioned SET tracked = 2 WHERE id = 1;

CREATE TABLE partitioned_history (id INT PRIMARY KEY, v INT) WITH SYSTEM VERSIONING
  PARTITION BY SYSTEM_TIME (PARTITION p_hist HISTORY, PARTITION p_cur CURRENT);
INSERT INTO partitioned_history VALUES (1, 1), (2, 2);
UPDATE partitioned_history SET v = v + 10;
DELETE FROM partitioned_history WHERE id = 2;
