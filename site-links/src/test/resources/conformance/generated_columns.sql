-- covers: generated columns VIRTUAL and STORED (PERSISTENT), indexed virtual columns (secondary and
--   unique), generated columns between ordinary ones and after unsigned ones, generated from JSON, string
--   and date expressions, a generated column in the primary key of a keyless-looking table, invisible
--   columns; rows inserted, updated through the base columns (the generated values change with them) and
--   deleted; a column added and dropped by ALTER TABLE.
-- expect: identical

CREATE DATABASE acme;
USE acme;

CREATE TABLE computed (
  id INT PRIMARY KEY,
  u TINYINT UNSIGNED,
  g_virtual INT AS (u * 2) VIRTUAL,
  price DECIMAL(10,2),
  g_stored DECIMAL(12,2) AS (price * 1.2) STORED,
  name VARCHAR(50) CHARACTER SET utf8mb4,
  g_upper VARCHAR(50) CHARACTER SET utf8mb4 AS (UPPER(name)) VIRTUAL,
  g_len INT AS (CHAR_LENGTH(name)) PERSISTENT,
  doc JSON,
  g_json_kind VARCHAR(20) AS (JSON_VALUE(doc, '$.kind')) VIRTUAL,
  day DATE,
  g_year INT AS (YEAR(day)) STORED,
  big BIGINT UNSIGNED,
  g_big_half BIGINT UNSIGNED AS (big DIV 2) VIRTUAL,
  INDEX (g_virtual), UNIQUE INDEX (g_json_kind), INDEX (g_upper(10))
);
INSERT INTO computed (id, u, price, name, doc, day, big) VALUES
  (1, 255, 99999999.99, 'héllo 🎉', '{"kind": "a"}', '2024-02-29', 18446744073709551615),
  (2, 0, 0, '', '{"kind": "b"}', '1000-01-01', 0),
  (3, NULL, NULL, NULL, NULL, NULL, NULL),
  (4, 1, -1.5, 'x', '{"kind": "d"}', '9999-12-31', 1);
UPDATE computed SET u = 100, name = 'changed' WHERE id = 1;
UPDATE computed SET doc = '{"kind": "bb"}', price = 10 WHERE id = 2;
UPDATE computed SET u = u + 1 WHERE u < 255;
DELETE FROM computed WHERE id = 4;

-- a table whose only unique key is on a virtual column
CREATE TABLE keyed_by_virtual (a INT NOT NULL, b INT NOT NULL, ab BIGINT AS (a * 100000 + b) VIRTUAL, UNIQUE KEY (ab));
INSERT INTO keyed_by_virtual (a, b) VALUES (1, 1), (1, 2), (2, 1);
UPDATE keyed_by_virtual SET b = 3 WHERE a = 1 AND b = 2;
DELETE FROM keyed_by_virtual WHERE a = 2;

-- invisible columns are part of the row
CREATE TABLE hidden (id INT PRIMARY KEY, v INT, secret VARCHAR(20) INVISIBLE DEFAULT 'hidden',
  g INT AS (v + 1) VIRTUAL INVISIBLE);
INSERT INTO hidden (id, v) VALUES (1, 10);
INSERT INTO hidden (id, v, secret) VALUES (2, 20, 'given');
UPDATE hidden SET secret = 'changed' WHERE id = 1;

ALTER TABLE computed ADD COLUMN g_added INT AS (u + 1000) VIRTUAL AFTER u;
INSERT INTO computed (id, u, price, name, doc, day, big) VALUES (5, 5, 5, 'five', '{"kind": "e"}', '2005-05-05', 5);
ALTER TABLE computed DROP COLUMN g_upper;
UPDATE computed SET u = 6 WHERE id = 5;
