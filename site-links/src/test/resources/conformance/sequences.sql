-- covers: sequences (CREATE SEQUENCE with options, NEXTVAL past the cache so the sequence table is
--   written, SETVAL, ALTER SEQUENCE ... RESTART, a cycling sequence, a table column DEFAULT NEXTVAL(),
--   DROP SEQUENCE); the copy's sequence state must equal the home's.
-- expect: identical

CREATE DATABASE acme;
USE acme;

CREATE SEQUENCE order_ids START WITH 1000 INCREMENT BY 10 CACHE 5;
SELECT NEXTVAL(order_ids), NEXTVAL(order_ids), NEXTVAL(order_ids), NEXTVAL(order_ids), NEXTVAL(order_ids),
  NEXTVAL(order_ids), NEXTVAL(order_ids);
SELECT SETVAL(order_ids, 5000);
SELECT NEXTVAL(order_ids);

CREATE SEQUENCE small MINVALUE 1 MAXVALUE 3 CYCLE NOCACHE;
SELECT NEXTVAL(small), NEXTVAL(small), NEXTVAL(small), NEXTVAL(small);

CREATE SEQUENCE descending START WITH -1 INCREMENT BY -1 MINVALUE -9223372036854775807 MAXVALUE -1 NOCACHE;
SELECT NEXTVAL(descending), NEXTVAL(descending);

CREATE TABLE orders (id BIGINT PRIMARY KEY DEFAULT NEXTVAL(order_ids), item VARCHAR(20));
INSERT INTO orders (item) VALUES ('a'), ('b'), ('c');
INSERT INTO orders (id, item) VALUES (NEXTVAL(order_ids), 'd');

ALTER SEQUENCE order_ids RESTART WITH 1 INCREMENT BY 1;
INSERT INTO orders (item) VALUES ('after restart');

CREATE SEQUENCE to_drop;
SELECT NEXTVAL(to_drop);
DROP SEQUENCE to_drop;
