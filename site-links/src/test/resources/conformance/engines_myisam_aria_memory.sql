-- covers: non-InnoDB engines: MyISAM (keyed, keyless, CHECKSUM=1, with a FULLTEXT index), Aria
--   (TRANSACTIONAL=1 and 0), MEMORY and CSV tables; inserts, updates, deletes on each; a transaction that
--   writes InnoDB and MyISAM tables together and commits; statements on MyISAM inside a transaction that is
--   rolled back; ALTER TABLE ... ENGINE between engines.
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE my (id INT PRIMARY KEY, v VARCHAR(20), t TEXT, FULLTEXT (t)) ENGINE = MyISAM;
CREATE TABLE my_keyless (a INT, b VARCHAR(10)) ENGINE = MyISAM;
CREATE TABLE my_checksum (id INT PRIMARY KEY, v INT) ENGINE = MyISAM CHECKSUM = 1;
CREATE TABLE ar (id INT PRIMARY KEY, v VARCHAR(20)) ENGINE = Aria TRANSACTIONAL = 1;
CREATE TABLE ar_plain (id INT PRIMARY KEY, v VARCHAR(20)) ENGINE = Aria TRANSACTIONAL = 0 ROW_FORMAT = DYNAMIC;
CREATE TABLE mem (id INT PRIMARY KEY, v VARCHAR(20)) ENGINE = MEMORY;
CREATE TABLE csv_table (id INT NOT NULL, v VARCHAR(20) NOT NULL) ENGINE = CSV;
CREATE TABLE inno (id INT PRIMARY KEY, v VARCHAR(20));

INSERT INTO my VALUES (1, 'a', 'full text one'), (2, 'b', 'two words'), (3, 'c', NULL);
INSERT INTO my_keyless VALUES (1, 'x'), (1, 'x'), (2, 'y');
INSERT INTO my_checksum VALUES (1, 1), (2, 2);
INSERT INTO ar VALUES (1, 'aria'), (2, 'aria2');
INSERT INTO ar_plain VALUES (1, 'plain'), (2, 'plain2');
INSERT INTO mem VALUES (1, 'memory'), (2, 'memory2');
INSERT INTO csv_table VALUES (1, 'csv'), (2, 'csv, quoted "x"');

UPDATE my SET v = 'a2', t = 'full text changed' WHERE id = 1;
DELETE FROM my WHERE id = 2;
UPDATE my_keyless SET b = 'z' WHERE a = 1 LIMIT 1;
DELETE FROM my_keyless WHERE a = 2;
UPDATE my_checksum SET v = 20 WHERE id = 2;
UPDATE ar SET v = 'aria changed' WHERE id = 1;
DELETE FROM ar_plain WHERE id = 2;
UPDATE mem SET v = 'memory changed' WHERE id = 2;
UPDATE csv_table SET v = 'csv changed' WHERE id = 1;
DELETE FROM csv_table WHERE id = 2;

BEGIN;
INSERT INTO inno VALUES (1, 'inno in tx');
INSERT INTO my VALUES (4, 'my in tx', 'mixed');
UPDATE inno SET v = 'inno updated' WHERE id = 1;
UPDATE mem SET v = 'mem in tx' WHERE id = 1;
COMMIT;

BEGIN;
INSERT INTO inno VALUES (2, 'never');
INSERT INTO my_keyless VALUES (3, 'kept');
UPDATE ar_plain SET v = 'kept' WHERE id = 1;
ROLLBACK;

ALTER TABLE my_checksum ENGINE = InnoDB;
ALTER TABLE inno ENGINE = Aria;
INSERT INTO my_checksum VALUES (3, 3);
INSERT INTO inno VALUES (3, 'now aria');
