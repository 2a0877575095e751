-- covers: DDL whose meaning depends on the source session, which the QUERY event records: sql_mode
--   ANSI_QUOTES (double-quoted identifiers), a non-strict sql_mode admitting zero-date defaults, a session
--   time zone for TIMESTAMP defaults (stored as an instant), character_set_client latin1 for a string
--   default and a column comment (the bytes mean latin1 characters), PIPES_AS_CONCAT and NO_BACKSLASH_ESCAPES
--   in routine and trigger bodies and a view (stored with the creating sql_mode), a session collation for
--   literals in a generated column; rows written after each so the defaults are used.
-- expect: identical

CREATE DATABASE acme;
USE acme;

SET SESSION sql_mode = 'ANSI_QUOTES';
CREATE TABLE "quoted" ("id" INT PRIMARY KEY, "select" VARCHAR(10) DEFAULT 'x');
INSERT INTO "quoted" ("id") VALUES (1);

SET SESSION sql_mode = '';
CREATE TABLE zero_defaults (id INT PRIMARY KEY, d DATE NOT NULL DEFAULT '0000-00-00',
  dt DATETIME NOT NULL DEFAULT '2020-00-00 00:00:00', ts TIMESTAMP NOT NULL DEFAULT '0000-00-00 00:00:00');
INSERT INTO zero_defaults (id) VALUES (1);
SET SESSION sql_mode = DEFAULT;

SET SESSION time_zone = '+05:30';
CREATE TABLE tz_defaults (id INT PRIMARY KEY, ts TIMESTAMP NOT NULL DEFAULT '2020-01-01 00:00:00');
INSERT INTO tz_defaults (id) VALUES (1);
SET SESSION time_zone = '-08:00';
ALTER TABLE tz_defaults ADD COLUMN ts2 TIMESTAMP NOT NULL DEFAULT '2020-06-01 12:00:00';
INSERT INTO tz_defaults (id) VALUES (2);
SET SESSION time_zone = SYSTEM;

SET SESSION character_set_client = latin1;
CREATE TABLE latin1_client (id INT PRIMARY KEY, v VARCHAR(20) CHARACTER SET utf8mb4 DEFAULT 'Ã¼' COMMENT 'Ã©tÃ©');
INSERT INTO latin1_client (id) VALUES (1);
SET SESSION character_set_client = utf8mb4;

SET SESSION sql_mode = 'PIPES_AS_CONCAT,NO_BACKSLASH_ESCAPES';
CREATE TABLE concat_log (id INT AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(50));
DELIMITER $$
CREATE PROCEDURE log_concat(IN a VARCHAR(10), IN b VARCHAR(10))
BEGIN
  INSERT INTO concat_log (msg) VALUES (a || '\\' || b);
END$$
CREATE TRIGGER concat_log_bi BEFORE INSERT ON concat_log FOR EACH ROW
  SET NEW.msg = '[' || NEW.msg || ']'$$
DELIMITER ;
CREATE VIEW concat_view AS SELECT id, msg || '!' AS shout FROM concat_log;
SET SESSION sql_mode = DEFAULT;
CALL log_concat('a', 'b');
INSERT INTO concat_log (msg) VALUES ('direct');

SET SESSION collation_connection = utf8mb4_bin;
CREATE TABLE collated (id INT PRIMARY KEY, name VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci,
  is_admin TINYINT AS (name = 'ADMIN') VIRTUAL);
INSERT INTO collated (id, name) VALUES (1, 'admin'), (2, 'ADMIN');
SET SESSION collation_connection = DEFAULT;
