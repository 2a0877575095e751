-- covers: CREATE TABLE ... SELECT (logged as the CREATE and its rows in one transaction; with extra
--   columns and a key, empty, from a join), CREATE TABLE ... LIKE, CREATE OR REPLACE TABLE ... SELECT,
--   CREATE TABLE IF NOT EXISTS on an existing table, TRUNCATE TABLE (also qualified and without a default
--   schema), RENAME TABLE of one table, of a chain and as a swap through a free name, ALTER TABLE ... RENAME,
--   DROP TABLE of several tables in one statement, DROP TABLE IF EXISTS naming a missing table, DDL issued
--   with no default schema (qualified names only).
-- expect: identical

CREATE DATABASE acme;
-- no default schema yet: the statements name their schema
CREATE TABLE acme.src (id INT PRIMARY KEY, v VARCHAR(10), d DECIMAL(5,2));
INSERT INTO acme.src VALUES (1, 'a', 1.10), (2, 'b', 2.20), (3, 'c', 3.30), (4, NULL, NULL);
CREATE TABLE acme.unqualified_truncate (id INT PRIMARY KEY);
INSERT INTO acme.unqualified_truncate VALUES (1), (2);
TRUNCATE TABLE acme.unqualified_truncate;
CREATE TABLE acme.no_default_ctas AS SELECT id, v FROM acme.src WHERE id > 2;

USE acme;
CREATE TABLE ctas AS SELECT id, v FROM src WHERE id < 3;
CREATE TABLE ctas_keyed (id INT PRIMARY KEY, extra INT DEFAULT 7, note VARCHAR(5) DEFAULT 'n') SELECT id, v FROM src;
CREATE TABLE ctas_empty SELECT * FROM src WHERE 1 = 0;
CREATE TABLE ctas_join SELECT a.id, a.v, b.d FROM src a JOIN src b ON b.id = a.id + 1;
CREATE TABLE IF NOT EXISTS ctas SELECT 100 AS id, 'ignored' AS v;
CREATE OR REPLACE TABLE ctas_join SELECT id * 10 AS id, v FROM src;
CREATE TABLE liked LIKE src;
INSERT INTO liked SELECT * FROM src;
TRUNCATE TABLE liked;
INSERT INTO liked VALUES (9, 'after', 9.99);
TRUNCATE src;
INSERT INTO src VALUES (5, 'new', 5.50);

CREATE TABLE r1 (id INT PRIMARY KEY, name VARCHAR(5));
CREATE TABLE r2 (id INT PRIMARY KEY, name VARCHAR(5));
INSERT INTO r1 VALUES (1, 'one');
INSERT INTO r2 VALUES (2, 'two');
RENAME TABLE r1 TO r1_renamed;
RENAME TABLE r1_renamed TO r_tmp, r2 TO r1, r_tmp TO r2;
ALTER TABLE r2 RENAME TO r3;
INSERT INTO r1 VALUES (3, 'three');
INSERT INTO r3 VALUES (4, 'four');

CREATE TABLE d1 (id INT);
CREATE TABLE d2 (id INT);
CREATE TABLE d3 (id INT);
CREATE TABLE keep_me (id INT);
DROP TABLE d1, d2, acme.d3;
DROP TABLE IF EXISTS keep_me_not, ctas_empty;
