-- covers: FOREIGN KEY actions the copy's engine must perform itself because the binlog carries only the
--   statement's own rows: ON DELETE CASCADE over two levels, ON UPDATE CASCADE of a parent key, ON DELETE SET
--   NULL and ON UPDATE SET NULL, a self-referencing tree deleted from its root, RESTRICT refusing a delete (the failed statement
--   leaves nothing), rows inserted with foreign_key_checks=0 that reference no parent.
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20));
CREATE TABLE orders (id INT PRIMARY KEY, customer INT NOT NULL, code VARCHAR(10) NOT NULL UNIQUE,
  FOREIGN KEY (customer) REFERENCES customers (id) ON DELETE CASCADE ON UPDATE CASCADE);
CREATE TABLE order_lines (id INT PRIMARY KEY, order_code VARCHAR(10), qty INT,
  FOREIGN KEY (order_code) REFERENCES orders (code) ON DELETE CASCADE ON UPDATE CASCADE);
CREATE TABLE notes (id INT PRIMARY KEY, customer INT NULL, text VARCHAR(20),
  FOREIGN KEY (customer) REFERENCES customers (id) ON DELETE SET NULL ON UPDATE SET NULL);
CREATE TABLE invoices (id INT PRIMARY KEY, customer INT NOT NULL,
  FOREIGN KEY (customer) REFERENCES customers (id) ON DELETE RESTRICT);
CREATE TABLE tree (id INT PRIMARY KEY, parent INT NULL, FOREIGN KEY (parent) REFERENCES tree (id) ON DELETE CASCADE);

INSERT INTO customers VALUES (1, 'ann'), (2, 'bob'), (3, 'cy');
INSERT INTO orders VALUES (10, 1, 'A-10'), (11, 1, 'A-11'), (20, 2, 'B-20'), (30, 3, 'C-30');
INSERT INTO order_lines VALUES (100, 'A-10', 1), (101, 'A-10', 2), (110, 'A-11', 3), (200, 'B-20', 4);
INSERT INTO notes VALUES (1, 1, 'ann note'), (2, 2, 'bob note'), (3, NULL, 'free');
INSERT INTO invoices VALUES (1, 3);
INSERT INTO tree VALUES (1, NULL), (2, 1), (3, 1), (4, 2), (5, 4), (6, NULL);

-- two levels of cascade and a SET NULL
DELETE FROM customers WHERE id = 1;
-- cascading key updates
UPDATE customers SET id = 22 WHERE id = 2;
UPDATE orders SET code = 'B-20x' WHERE id = 20;
-- RESTRICT refuses, nothing changes
-- @error 1451
DELETE FROM customers WHERE id = 3;
-- a whole subtree
DELETE FROM tree WHERE id = 1;

SET foreign_key_checks = 0;
INSERT INTO orders VALUES (99, 999, 'ORPHAN');
SET foreign_key_checks = 1;
