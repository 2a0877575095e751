-- covers: CREATE VIEW (ALGORITHM, SQL SECURITY INVOKER, WITH CHECK OPTION, a view on a view, explicit
--   DEFINER), CREATE OR REPLACE VIEW, ALTER VIEW, rows written through an updatable view, DROP VIEW of
--   several views; CREATE PROCEDURE (IN/OUT parameters, a body that writes rows, called with CALL),
--   CREATE FUNCTION (DETERMINISTIC, used in an INSERT), ALTER PROCEDURE/FUNCTION, DROP PROCEDURE/FUNCTION;
--   CREATE EVENT (enabled, scheduled a day ahead, so it does not run during the test; and a disabled one),
--   ALTER EVENT (rename, disable), DROP EVENT; CREATE TRIGGER/DROP TRIGGER. The server logs all of these with
--   the DEFINER it inserted (issue 11 case 3): the copy must hold identical definitions, and an event enabled
--   at the home must be disabled at the copy (DISABLE ON SLAVE, as a native replica records it).
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2), active TINYINT NOT NULL DEFAULT 1);
INSERT INTO items VALUES (1, 'a', 1.00, 1), (2, 'b', 20.00, 1), (3, 'c', 300.00, 0);

CREATE VIEW active_items AS SELECT id, name, price FROM items WHERE active = 1;
CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW cheap_items AS
  SELECT id, name, price FROM items WHERE price < 100 WITH CHECK OPTION;
CREATE DEFINER = CURRENT_USER VIEW expensive_names AS SELECT UPPER(name) AS n FROM items WHERE price >= 100;
CREATE VIEW active_cheap AS SELECT a.* FROM active_items a JOIN cheap_items c USING (id);
CREATE OR REPLACE VIEW active_items AS SELECT id, name, price, 'v2' AS version FROM items WHERE active = 1;
ALTER ALGORITHM = TEMPTABLE VIEW expensive_names AS SELECT LOWER(name) AS n, price FROM items WHERE price >= 100;
INSERT INTO cheap_items (id, name, price) VALUES (4, 'via view', 5.00);
UPDATE cheap_items SET price = 6.00 WHERE id = 4;
DELETE FROM cheap_items WHERE id = 1;
CREATE VIEW to_drop_1 AS SELECT 1 AS x;
CREATE VIEW to_drop_2 AS SELECT 2 AS x;
DROP VIEW to_drop_1, to_drop_2;

DELIMITER //
CREATE PROCEDURE add_item(IN p_id INT, IN p_name VARCHAR(20), OUT p_count INT)
  MODIFIES SQL DATA
  COMMENT 'adds an item; counts items'
BEGIN
  INSERT INTO items (id, name, price) VALUES (p_id, p_name, p_id * 1.5);
  UPDATE items SET price = price + 1 WHERE id = p_id;
  SELECT COUNT(*) INTO p_count FROM items;
END //
CREATE FUNCTION with_tax(p DECIMAL(8,2)) RETURNS DECIMAL(10,2)
  DETERMINISTIC NO SQL
  RETURN ROUND(p * 1.19, 2) //
CREATE FUNCTION item_count() RETURNS INT READS SQL DATA
BEGIN
  DECLARE n INT;
  SELECT COUNT(*) INTO n FROM items;
  RETURN n;
END //
CREATE TRIGGER items_bi BEFORE INSERT ON items FOR EACH ROW
  SET NEW.name = TRIM(NEW.name) //
DELIMITER ;

CALL add_item(10, '  called  ', @n);
INSERT INTO items (id, name, price) VALUES (11, 'taxed', with_tax(100));
INSERT INTO items (id, name, price) SELECT 12, 'counted', item_count();
ALTER PROCEDURE add_item COMMENT 'changed comment' SQL SECURITY INVOKER;
ALTER FUNCTION with_tax COMMENT 'tax 19%';
DROP FUNCTION item_count;
DROP TRIGGER items_bi;

CREATE EVENT nightly_cleanup ON SCHEDULE EVERY 1 DAY STARTS CURRENT_TIMESTAMP + INTERVAL 1 DAY
  COMMENT 'would delete inactive items' DO DELETE FROM acme.items WHERE active = 0;
CREATE EVENT one_shot ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 DAY ON COMPLETION PRESERVE DISABLE
  DO UPDATE acme.items SET price = 0;
CREATE EVENT to_drop ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 2 DAY DO DELETE FROM acme.items;
ALTER EVENT one_shot RENAME TO one_shot_renamed;
ALTER EVENT nightly_cleanup ON SCHEDULE EVERY 2 DAY STARTS CURRENT_TIMESTAMP + INTERVAL 1 DAY;
DROP EVENT to_drop;
