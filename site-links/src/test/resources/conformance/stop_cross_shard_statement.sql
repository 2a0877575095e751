-- covers: a single statement that moves data between two shards (a multi-table UPDATE joining acme and beta,
--   in autocommit): the transaction's shard is #UNKNOWN. The link must stop naming both schemas and apply
--   nothing of it.
-- expect: stop RULE_REJECTED schemas=[acme, beta]
-- expect-shard: #UNKNOWN

CREATE DATABASE acme;
CREATE DATABASE beta;
CREATE TABLE acme.balances (id INT PRIMARY KEY, amount INT);
CREATE TABLE beta.balances (id INT PRIMARY KEY, amount INT);
INSERT INTO acme.balances VALUES (1, 100);
INSERT INTO beta.balances VALUES (1, 0);

-- @offending
UPDATE acme.balances a JOIN beta.balances b ON b.id = a.id SET a.amount = a.amount - 10, b.amount = b.amount + 10;
