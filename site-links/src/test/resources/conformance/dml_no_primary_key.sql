-- covers: tables without a primary key: identical duplicate rows (one of them updated, one deleted with
--   LIMIT 1), rows told apart only by case, accents or trailing spaces under a case-insensitive PAD SPACE
--   collation, by FLOAT and DOUBLE values, by NULLs, by long TEXT/BLOB values that share a prefix; a table
--   whose only key is UNIQUE on NOT NULL columns, one whose only key is UNIQUE on nullable columns (several
--   NULL rows), one with only a non-unique index; updates that change the columns a lookup would use.
-- expect: identical

CREATE DATABASE acme;
USE acme;

CREATE TABLE dupes (a INT, b VARCHAR(10));
INSERT INTO dupes VALUES (1, 'x'), (1, 'x'), (1, 'x'), (2, NULL), (2, NULL), (NULL, NULL);
UPDATE dupes SET b = 'y' WHERE a = 1 LIMIT 1;
DELETE FROM dupes WHERE a = 1 AND b = 'x' LIMIT 1;
DELETE FROM dupes WHERE a = 2 LIMIT 1;
UPDATE dupes SET a = 3 WHERE a IS NULL;

-- rows a collation-aware lookup cannot tell apart
CREATE TABLE lookalikes (name VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci, n INT);
INSERT INTO lookalikes VALUES ('abc', 1), ('ABC', 1), ('Abc ', 1), ('ábc', 1), ('abc  ', 1);
UPDATE lookalikes SET n = 2 WHERE name = BINARY 'ABC';
DELETE FROM lookalikes WHERE name = BINARY 'ábc';
UPDATE lookalikes SET n = 3 WHERE name = BINARY 'abc  ';
DELETE FROM lookalikes WHERE name = BINARY 'Abc ';

-- rows told apart by floating point values
CREATE TABLE measurements (sensor VARCHAR(5), f FLOAT, d DOUBLE);
INSERT INTO measurements VALUES ('s', 0.1, 0.1), ('s', 0.2, 0.30000000000000004), ('s', 3.4028234e38, 1e-300),
  ('s', -1.17549435e-38, 4.9406564584124654e-324), ('s', NULL, NULL);
UPDATE measurements SET sensor = 't' WHERE f > 0.15 AND f < 0.25;
DELETE FROM measurements WHERE d < 1e-320 AND d > 0;
UPDATE measurements SET d = 2.5 WHERE f = (SELECT MAX(f) FROM (SELECT f FROM measurements) x);

-- long values that share their first 1000 bytes
CREATE TABLE documents (body TEXT, data BLOB);
INSERT INTO documents VALUES (CONCAT(REPEAT('p', 1000), 'one'), CONCAT(REPEAT(0x00, 1000), 0x01)),
  (CONCAT(REPEAT('p', 1000), 'two'), CONCAT(REPEAT(0x00, 1000), 0x02));
UPDATE documents SET body = 'short' WHERE data = CONCAT(REPEAT(0x00, 1000), 0x02);
DELETE FROM documents WHERE body LIKE '%one';

-- only a unique key on NOT NULL columns
CREATE TABLE unique_only (code CHAR(3) NOT NULL, region INT NOT NULL, v INT, UNIQUE KEY (code, region));
INSERT INTO unique_only VALUES ('abc', 1, 1), ('abc', 2, 2), ('xyz', 1, 3);
UPDATE unique_only SET v = 20 WHERE code = 'abc' AND region = 2;
UPDATE unique_only SET region = 3 WHERE code = 'xyz';
DELETE FROM unique_only WHERE code = 'abc' AND region = 1;

-- only a unique key on nullable columns: rows with NULL in it are not unique
CREATE TABLE nullable_unique (email VARCHAR(20) NULL, v INT, UNIQUE KEY (email));
INSERT INTO nullable_unique VALUES (NULL, 1), (NULL, 1), ('a@x', 1), (NULL, 2);
UPDATE nullable_unique SET v = 5 WHERE email IS NULL AND v = 2;
DELETE FROM nullable_unique WHERE email IS NULL LIMIT 1;
UPDATE nullable_unique SET email = 'b@x' WHERE email IS NULL LIMIT 1;

-- only a non-unique index
CREATE TABLE indexed_only (k INT, v VARCHAR(5), INDEX (k));
INSERT INTO indexed_only VALUES (1, 'a'), (1, 'a'), (1, 'b'), (2, 'c');
UPDATE indexed_only SET v = 'z' WHERE k = 1 AND v = 'a' LIMIT 1;
DELETE FROM indexed_only WHERE k = 1 AND v = 'a';
