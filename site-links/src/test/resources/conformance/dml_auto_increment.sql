-- covers: AUTO_INCREMENT keys: generated values, explicit values above and below the counter, NULL and 0
--   (generate a value), explicit 0 stored as 0 under sql_mode NO_AUTO_VALUE_ON_ZERO, negative values,
--   auto_increment_increment/offset set in the session, LAST_INSERT_ID(expr), a BIGINT UNSIGNED counter
--   near its maximum, AUTO_INCREMENT on the second column of a MyISAM key (per-group counters), INSERT ...
--   SELECT that generates keys, a rolled-back insert that consumed values.
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20));
INSERT INTO items (name) VALUES ('a'), ('b');
INSERT INTO items VALUES (100, 'explicit'), (NULL, 'null gets next'), (0, 'zero gets next'), (-5, 'negative');
INSERT INTO items VALUES (50, 'below counter');

SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO');
INSERT INTO items VALUES (0, 'zero kept');
UPDATE items SET name = 'zero kept, updated' WHERE id = 0;
SET SESSION sql_mode = DEFAULT;
INSERT INTO items (name) VALUES ('after zero');

SET SESSION auto_increment_increment = 10, auto_increment_offset = 3;
INSERT INTO items (name) VALUES ('step 1'), ('step 2'), ('step 3');
SET SESSION auto_increment_increment = 1, auto_increment_offset = 1;

BEGIN;
INSERT INTO items (name) VALUES ('rolled back 1'), ('rolled back 2');
ROLLBACK;
INSERT INTO items (name) VALUES ('after rollback');

CREATE TABLE counters (id INT PRIMARY KEY, n INT);
INSERT INTO counters VALUES (1, 0);
UPDATE counters SET n = LAST_INSERT_ID(n + 1) WHERE id = 1;
INSERT INTO items (name) VALUES (CONCAT('li ', LAST_INSERT_ID()));

CREATE TABLE huge_ids (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, v INT) AUTO_INCREMENT = 18446744073709551610;
INSERT INTO huge_ids (v) VALUES (1), (2), (3);

CREATE TABLE grouped (grp CHAR(1) NOT NULL, seq INT NOT NULL AUTO_INCREMENT, v INT, PRIMARY KEY (grp, seq))
  ENGINE = MyISAM;
INSERT INTO grouped (grp, v) VALUES ('a', 1), ('b', 1), ('a', 2), ('a', 3), ('b', 2);
DELETE FROM grouped WHERE grp = 'a' AND seq = 3;
INSERT INTO grouped (grp, v) VALUES ('a', 4);

CREATE TABLE copies (id INT AUTO_INCREMENT PRIMARY KEY, src INT, name VARCHAR(30));
INSERT INTO copies (src, name) SELECT id, name FROM items ORDER BY id;
