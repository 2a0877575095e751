-- covers: LOAD DATA (row-logged): LOCAL INFILE through the JDBC driver (CSV with a header line, quoted
--   fields with doubled quotes, escapes, \N NULLs, 4-byte UTF-8, a column set from a user variable), server
--   INFILE from a file the test wrote (tab separated, REPLACE on existing keys), a latin1 file loaded with
--   CHARACTER SET latin1, IGNORE on duplicate keys, LOAD DATA into a MyISAM and into a keyless table, and
--   LOAD DATA inside a transaction followed by an UPDATE.
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40) CHARACTER SET utf8mb4, born DATE, note TEXT);
CREATE TABLE people_myisam (id INT PRIMARY KEY, name VARCHAR(40) CHARACTER SET utf8mb4, born DATE, note TEXT)
  ENGINE = MyISAM;
CREATE TABLE people_keyless (id INT, name VARCHAR(40) CHARACTER SET utf8mb4, born DATE, note TEXT);
CREATE TABLE words (id INT PRIMARY KEY, word VARCHAR(20) CHARACTER SET utf8mb4);

LOAD DATA LOCAL INFILE '${files}/people.csv' INTO TABLE people CHARACTER SET utf8mb4
  FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' ESCAPED BY '\\' LINES TERMINATED BY '\n' IGNORE 1 LINES
  (id, name, @born, note) SET born = STR_TO_DATE(@born, '%d.%m.%Y');
LOAD DATA INFILE '${files}/people-more.tsv' REPLACE INTO TABLE people CHARACTER SET utf8mb4
  FIELDS TERMINATED BY '\t' LINES TERMINATED BY '\n';
LOAD DATA LOCAL INFILE '${files}/latin1.txt' INTO TABLE words CHARACTER SET latin1 FIELDS TERMINATED BY ';';
LOAD DATA LOCAL INFILE '${files}/latin1.txt' IGNORE INTO TABLE words CHARACTER SET latin1 FIELDS TERMINATED BY ';';
LOAD DATA INFILE '${files}/people-more.tsv' INTO TABLE people_myisam CHARACTER SET utf8mb4
  FIELDS TERMINATED BY '\t';
LOAD DATA INFILE '${files}/people-more.tsv' INTO TABLE people_keyless CHARACTER SET utf8mb4
  FIELDS TERMINATED BY '\t';
LOAD DATA INFILE '${files}/people-more.tsv' INTO TABLE people_keyless CHARACTER SET utf8mb4
  FIELDS TERMINATED BY '\t';

BEGIN;
LOAD DATA LOCAL INFILE '${files}/people.csv' REPLACE INTO TABLE people CHARACTER SET utf8mb4
  FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' IGNORE 1 LINES (@id, name, @born, note)
  SET id = @id + 100, born = STR_TO_DATE(@born, '%d.%m.%Y');
UPDATE people SET note = CONCAT(COALESCE(note, ''), ' (loaded in tx)') WHERE id > 100;
COMMIT;
