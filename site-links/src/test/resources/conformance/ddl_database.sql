-- covers: CREATE DATABASE with a character set and collation (tables inherit them), ALTER DATABASE
--   (charset, collation, COMMENT), CREATE DATABASE IF NOT EXISTS on an existing schema, DROP DATABASE of the
--   shard holding tables, a view, a routine and a trigger, then CREATE SCHEMA of the same name with another
--   charset and new contents; rows written between the steps.
-- expect: identical

CREATE DATABASE acme CHARACTER SET latin1 COLLATE latin1_german2_ci;
USE acme;
CREATE TABLE inherits (id INT PRIMARY KEY, name VARCHAR(20));
INSERT INTO inherits VALUES (1, 'Müller');
ALTER DATABASE acme CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci COMMENT 'the shard acme';
CREATE TABLE inherits_new (id INT PRIMARY KEY, name VARCHAR(20));
INSERT INTO inherits_new VALUES (1, '🎉');
CREATE DATABASE IF NOT EXISTS acme;
CREATE VIEW v AS SELECT * FROM inherits;
CREATE PROCEDURE p() SELECT 1;
CREATE TRIGGER tr BEFORE INSERT ON inherits FOR EACH ROW SET NEW.name = UPPER(NEW.name);
INSERT INTO inherits VALUES (2, 'x');

DROP DATABASE acme;
CREATE SCHEMA acme DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
USE acme;
CREATE TABLE reborn (id INT PRIMARY KEY, name VARCHAR(20));
INSERT INTO reborn VALUES (1, 'again'), (2, 'Again');
ALTER SCHEMA acme COLLATE utf8mb4_general_ci;
CREATE TABLE reborn_ci (id INT PRIMARY KEY, name VARCHAR(20));
INSERT INTO reborn_ci VALUES (1, 'ci');
