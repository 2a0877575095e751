-- covers: one transaction of 1,000,000 small rows (one INSERT ... SELECT), then one transaction that updates
--   200,000 of them and deletes 100,000 others: large row transactions must arrive whole (and, by issue 11,
--   be applied with bounded memory). The ~1 GB transaction is conformance/large/ (run separately).
-- expect: identical
-- timeout: 900

CREATE DATABASE acme;
USE acme;
CREATE TABLE big (id INT PRIMARY KEY, grp SMALLINT NOT NULL, v INT NOT NULL, tag CHAR(8) NOT NULL);
INSERT INTO big SELECT seq, seq MOD 1000, seq * 7, LPAD(HEX(seq), 8, '0') FROM seq_1_to_1000000;
BEGIN;
UPDATE big SET v = v + 1, tag = 'updated' WHERE id <= 200000;
DELETE FROM big WHERE id > 900000;
COMMIT;
