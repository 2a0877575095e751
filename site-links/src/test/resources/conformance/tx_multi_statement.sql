-- covers: multi-statement transactions (BEGIN/COMMIT, START TRANSACTION, autocommit=0 with COMMIT, COMMIT
--   AND CHAIN) touching several tables of the shard; a row inserted, updated several times and deleted in
--   one transaction; primary keys shifted in place (UPDATE id = id + 1 ORDER BY id DESC); keys swapped through
--   a temporary value; an empty and a read-only transaction; many small statements in one transaction.
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(30), balance INT NOT NULL DEFAULT 0);
CREATE TABLE orders (id INT PRIMARY KEY, customer INT, amount INT, note VARCHAR(30));
CREATE TABLE ledger (id INT AUTO_INCREMENT PRIMARY KEY, customer INT, delta INT);

BEGIN;
INSERT INTO customers VALUES (1, 'ann', 0), (2, 'bob', 0);
INSERT INTO orders VALUES (10, 1, 100, 'first');
UPDATE customers SET balance = balance - 100 WHERE id = 1;
INSERT INTO ledger (customer, delta) VALUES (1, -100);
COMMIT;

START TRANSACTION;
INSERT INTO customers VALUES (3, 'cy', 0);
UPDATE customers SET name = 'cy2' WHERE id = 3;
UPDATE customers SET name = 'cy3', balance = 7 WHERE id = 3;
INSERT INTO orders VALUES (11, 3, 5, 'gone');
DELETE FROM orders WHERE id = 11;
INSERT INTO orders VALUES (11, 3, 6, 'back');
COMMIT;

SET autocommit = 0;
INSERT INTO orders VALUES (12, 2, 50, 'autocommit off');
UPDATE customers SET balance = balance - 50 WHERE id = 2;
COMMIT;
INSERT INTO ledger (customer, delta) VALUES (2, -50);
COMMIT AND CHAIN;
INSERT INTO ledger (customer, delta) VALUES (3, 1);
COMMIT;
SET autocommit = 1;

-- shift keys in place, then swap two keys through a free value
BEGIN;
UPDATE orders SET id = id + 1 ORDER BY id DESC;
UPDATE customers SET id = 100 WHERE id = 1;
UPDATE customers SET id = 1 WHERE id = 2;
UPDATE customers SET id = 2 WHERE id = 100;
COMMIT;

-- nothing written: an empty and a read-only transaction
BEGIN;
COMMIT;
START TRANSACTION READ ONLY;
SELECT COUNT(*) FROM customers;
COMMIT;

-- many statements in one transaction
BEGIN;
INSERT INTO ledger (customer, delta) VALUES (1, 1);
INSERT INTO ledger (customer, delta) VALUES (1, 2);
INSERT INTO ledger (customer, delta) VALUES (1, 3);
INSERT INTO ledger (customer, delta) VALUES (1, 4);
INSERT INTO ledger (customer, delta) VALUES (1, 5);
UPDATE ledger SET delta = delta * 10 WHERE customer = 1 AND delta > 0;
INSERT INTO ledger (customer, delta) SELECT customer, -delta FROM ledger WHERE customer = 1;
DELETE FROM ledger WHERE delta = 20;
UPDATE customers SET balance = (SELECT SUM(delta) FROM ledger WHERE customer = 1) WHERE id = 2;
COMMIT;
