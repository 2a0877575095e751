-- covers: zero dates and partial dates that a non-strict sql_mode admits: DATE '0000-00-00', '2020-00-15',
--   '2020-02-00'; DATETIME '0000-00-00 00:00:00', '2020-02-00 10:00:00.123', '0000-01-01 00:00:00'; TIMESTAMP
--   '0000-00-00 00:00:00' (and a TIMESTAMP set to 0); next to DATETIME '1970-01-01 00:00:00', which is not
--   zero; a primary key that is a partial date; updated and deleted by key, while the copy's own sql_mode is
--   the strict default.
-- expect: identical

CREATE DATABASE acme;
USE acme;
SET SESSION sql_mode = '';
SET time_zone = '+00:00';

CREATE TABLE zero_dates (
  id INT PRIMARY KEY,
  d DATE, dt DATETIME, dt3 DATETIME(3), dt6 DATETIME(6), ts TIMESTAMP NULL, ts6 TIMESTAMP(6) NULL, note VARCHAR(40)
);
INSERT INTO zero_dates VALUES
  (1, '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000',
      '0000-00-00 00:00:00', '0000-00-00 00:00:00.000000', 'all zero'),
  (2, '2020-00-15', '2020-00-15 10:00:00', '2020-02-00 10:00:00.123', '2020-00-00 00:00:00.000001', NULL, NULL,
      'zero month or day'),
  (3, '2020-02-00', '0000-01-01 00:00:00', '0000-00-01 00:00:00.5', '2020-12-00 23:59:59.999999', 0, 0,
      'zero year, timestamp 0'),
  (4, '1970-01-01', '1970-01-01 00:00:00', '1970-01-01 00:00:00.000', '1970-01-01 00:00:00.000000',
      '1970-01-01 00:00:01', '1970-01-01 00:00:01.000001', 'epoch, not zero'),
  (5, '2020-02-30', '2021-02-29 00:00:00', '2020-04-31 00:00:00', '2020-13-01 00:00:00', '2020-02-30 00:00:00',
      '2020-00-01 00:00:00', 'invalid: becomes zero with a warning');
UPDATE zero_dates SET d = '2020-00-00', dt = '2020-02-00 10:00:00' WHERE id = 1;
UPDATE zero_dates SET note = 'updated next to zero dates' WHERE id = 2;
UPDATE zero_dates SET ts = '0000-00-00 00:00:00' WHERE id = 4;
DELETE FROM zero_dates WHERE id = 3;

-- a partial date as the primary key
CREATE TABLE dated (day DATE PRIMARY KEY, v INT);
INSERT INTO dated VALUES ('2020-00-15', 1), ('2020-02-00', 2), ('0000-00-00', 3), ('1970-01-01', 4);
UPDATE dated SET v = 10 WHERE day = '2020-00-15';
UPDATE dated SET day = '2021-00-00' WHERE day = '2020-02-00';
DELETE FROM dated WHERE day = '0000-00-00';

-- a table without a primary key whose rows are told apart only by their dates
CREATE TABLE dated_log (day DATE, at DATETIME(3), v INT);
INSERT INTO dated_log VALUES ('2020-00-15', '2020-02-00 10:00:00.123', 1), ('2020-00-16', '2020-02-00 10:00:00.124', 1),
  ('0000-00-00', '0000-00-00 00:00:00', 1);
UPDATE dated_log SET v = 2 WHERE day = '2020-00-16';
DELETE FROM dated_log WHERE day = '0000-00-00';
