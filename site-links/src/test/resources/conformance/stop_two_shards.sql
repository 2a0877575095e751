-- covers: one transaction writing tables of two shards (acme and beta, both homed at the same site): its
--   shard is #UNKNOWN, which the default unknownShardPolicy=error rejects. The link must stop naming both
--   schemas, and apply neither shard's rows.
-- expect: stop RULE_REJECTED schemas=[acme, beta]
-- expect-shard: #UNKNOWN

CREATE DATABASE acme;
CREATE DATABASE beta;
CREATE TABLE acme.t (id INT PRIMARY KEY, v VARCHAR(10));
CREATE TABLE beta.t (id INT PRIMARY KEY, v VARCHAR(10));
INSERT INTO acme.t VALUES (1, 'acme');
INSERT INTO beta.t VALUES (1, 'beta');

-- @offending
BEGIN;
INSERT INTO acme.t VALUES (2, 'both');
UPDATE beta.t SET v = 'both' WHERE id = 1;
COMMIT;
INSERT INTO acme.t VALUES (3, 'after');
