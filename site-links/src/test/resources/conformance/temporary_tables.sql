-- covers: temporary tables used to compute writes (row-based binlogs log no temporary table, only the rows
--   written from it): INSERT ... SELECT, UPDATE ... JOIN and DELETE ... JOIN from a temporary table;
--   CREATE TEMPORARY TABLE ... SELECT; ALTER of a temporary table; a temporary table inside a
--   transaction; a temporary table shadowing a real table of the same name; DROP TABLE naming a real and a
--   temporary table; DROP TEMPORARY TABLE.
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE prices (sku VARCHAR(10) PRIMARY KEY, price DECIMAL(8,2));
CREATE TABLE shadow (id INT PRIMARY KEY, v VARCHAR(10));
CREATE TABLE scratch_real (id INT PRIMARY KEY);
INSERT INTO prices VALUES ('a', 1.00), ('b', 2.00), ('c', 3.00), ('d', 4.00);
INSERT INTO shadow VALUES (1, 'real');
INSERT INTO scratch_real VALUES (1);

CREATE TEMPORARY TABLE price_changes (sku VARCHAR(10) PRIMARY KEY, new_price DECIMAL(8,2), remove TINYINT);
INSERT INTO price_changes VALUES ('a', 1.50, 0), ('c', NULL, 1), ('e', 5.00, 0);
ALTER TABLE price_changes ADD COLUMN reason VARCHAR(20) DEFAULT 'import';
UPDATE prices p JOIN price_changes c ON c.sku = p.sku SET p.price = c.new_price WHERE c.remove = 0;
DELETE p FROM prices p JOIN price_changes c ON c.sku = p.sku WHERE c.remove = 1;
INSERT INTO prices SELECT sku, new_price FROM price_changes WHERE sku NOT IN (SELECT sku FROM prices) AND remove = 0;

CREATE TEMPORARY TABLE expensive AS SELECT sku, price FROM prices WHERE price > 2;
UPDATE prices SET price = price * 2 WHERE sku IN (SELECT sku FROM expensive);
DROP TEMPORARY TABLE expensive;

BEGIN;
CREATE TEMPORARY TABLE tx_tmp (sku VARCHAR(10), price DECIMAL(8,2));
INSERT INTO tx_tmp VALUES ('f', 6.00), ('g', 7.00);
INSERT INTO prices SELECT * FROM tx_tmp;
COMMIT;

CREATE TEMPORARY TABLE shadow (id INT PRIMARY KEY, v VARCHAR(10));
INSERT INTO shadow VALUES (1, 'temp'), (2, 'temp');
INSERT INTO prices SELECT CONCAT('s', id), id FROM shadow;
DROP TEMPORARY TABLE shadow;
UPDATE shadow SET v = 'real again' WHERE id = 1;

CREATE TEMPORARY TABLE scratch_tmp (id INT);
DROP TABLE scratch_real, scratch_tmp;
DROP TEMPORARY TABLE IF EXISTS price_changes, tx_tmp;
