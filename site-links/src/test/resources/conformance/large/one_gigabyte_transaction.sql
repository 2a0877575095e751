-- covers: one transaction of about 1 GiB (1,024 rows of 1 MiB each, one INSERT ... SELECT) and one that
--   updates every one of them (two full images each: ~2 GiB of row events): applied whole, with bounded
--   memory. Too slow for every build: run with -Dshardhome.conformance.set=large (see docs/site-links.md).
-- expect: identical
-- timeout: 3600

CREATE DATABASE acme;
USE acme;
CREATE TABLE huge (id INT PRIMARY KEY, payload LONGBLOB NOT NULL, touched TINYINT NOT NULL DEFAULT 0);
INSERT INTO huge (id, payload) SELECT seq, REPEAT(CHAR(65 + seq MOD 26), 1048576) FROM seq_1_to_1024;
UPDATE huge SET touched = 1;
