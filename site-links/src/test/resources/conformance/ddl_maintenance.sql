-- covers: table maintenance statements the server writes to the binlog (ANALYZE TABLE, ANALYZE ... PERSISTENT
--   FOR ALL, OPTIMIZE TABLE on InnoDB and MyISAM, REPAIR TABLE, FLUSH TABLES of named tables, ALTER TABLE ...
--   FORCE) and some it does not (CHECK TABLE, CHECKSUM TABLE, LOCK/UNLOCK TABLES, OPTIMIZE NO_WRITE_TO_BINLOG),
--   with rows written between them, under LOCK TABLES too.
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE inno (id INT PRIMARY KEY, v VARCHAR(10));
CREATE TABLE my (id INT PRIMARY KEY, v VARCHAR(10)) ENGINE = MyISAM;
INSERT INTO inno VALUES (1, 'a'), (2, 'b');
INSERT INTO my VALUES (1, 'a'), (2, 'b');
ANALYZE TABLE inno, my;
ANALYZE TABLE inno PERSISTENT FOR ALL;
OPTIMIZE TABLE inno;
OPTIMIZE TABLE my;
OPTIMIZE NO_WRITE_TO_BINLOG TABLE inno;
REPAIR TABLE my;
CHECK TABLE inno, my;
CHECKSUM TABLE inno, my;
FLUSH TABLES inno, my;
ALTER TABLE inno FORCE;
INSERT INTO inno VALUES (3, 'c');
LOCK TABLES inno WRITE, my WRITE;
INSERT INTO inno VALUES (4, 'locked');
UPDATE my SET v = 'locked' WHERE id = 1;
UNLOCK TABLES;
DELETE FROM my WHERE id = 2;
