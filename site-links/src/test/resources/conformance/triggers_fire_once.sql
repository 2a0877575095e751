-- covers: triggers at the home (BEFORE INSERT and BEFORE UPDATE changing NEW, AFTER INSERT/UPDATE/DELETE
--   writing a keyed audit table with AUTO_INCREMENT, a keyless audit table and a counter table, a second
--   AFTER INSERT trigger ordered with FOLLOWS, a trigger calling a stored procedure); the triggers reach the
--   copy with the DDL, and once they exist at both sites the rows the home's triggers wrote must appear
--   exactly once at the copy (the copy must not fire them again: issue 11 case 7), also in the table
--   without a key; trigger DROP and re-CREATE between writes.
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE accounts (id INT PRIMARY KEY, balance INT, changes INT NOT NULL DEFAULT 0, label VARCHAR(20));
CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, account INT, action VARCHAR(10), amount INT);
CREATE TABLE audit_log (account INT, action VARCHAR(10), amount INT);
CREATE TABLE totals (name VARCHAR(10) PRIMARY KEY, n INT NOT NULL);
INSERT INTO totals VALUES ('inserts', 0), ('updates', 0), ('deletes', 0), ('calls', 0);

DELIMITER $$
CREATE PROCEDURE count_call()
BEGIN
  UPDATE totals SET n = n + 1 WHERE name = 'calls';
END$$

CREATE TRIGGER accounts_bi BEFORE INSERT ON accounts FOR EACH ROW
BEGIN
  SET NEW.label = CONCAT('[', COALESCE(NEW.label, 'new'), ']');
  SET NEW.balance = COALESCE(NEW.balance, 0);
END$$

CREATE TRIGGER accounts_ai AFTER INSERT ON accounts FOR EACH ROW
BEGIN
  INSERT INTO audit (account, action, amount) VALUES (NEW.id, 'insert', NEW.balance);
  INSERT INTO audit_log VALUES (NEW.id, 'insert', NEW.balance);
  UPDATE totals SET n = n + 1 WHERE name = 'inserts';
END$$

CREATE TRIGGER accounts_ai_second AFTER INSERT ON accounts FOR EACH ROW FOLLOWS accounts_ai
  INSERT INTO audit_log VALUES (NEW.id, 'second', NULL)$$

CREATE TRIGGER accounts_bu BEFORE UPDATE ON accounts FOR EACH ROW
  SET NEW.changes = OLD.changes + 1$$

CREATE TRIGGER accounts_au AFTER UPDATE ON accounts FOR EACH ROW
BEGIN
  INSERT INTO audit (account, action, amount) VALUES (NEW.id, 'update', NEW.balance - OLD.balance);
  INSERT INTO audit_log VALUES (NEW.id, 'update', NEW.balance - OLD.balance);
  UPDATE totals SET n = n + 1 WHERE name = 'updates';
  CALL count_call();
END$$

CREATE TRIGGER accounts_ad AFTER DELETE ON accounts FOR EACH ROW
BEGIN
  INSERT INTO audit (account, action, amount) VALUES (OLD.id, 'delete', OLD.balance);
  INSERT INTO audit_log VALUES (OLD.id, 'delete', OLD.balance);
  UPDATE totals SET n = n + 1 WHERE name = 'deletes';
END$$
DELIMITER ;

INSERT INTO accounts (id, balance) VALUES (1, 100), (2, 200), (3, NULL);
UPDATE accounts SET balance = balance + 10;
DELETE FROM accounts WHERE id = 2;
BEGIN;
INSERT INTO accounts (id, balance, label) VALUES (4, 40, 'in tx');
UPDATE accounts SET balance = 0 WHERE id = 4;
DELETE FROM accounts WHERE id = 3;
COMMIT;

DROP TRIGGER accounts_ai_second;
INSERT INTO accounts (id, balance) VALUES (5, 50);
CREATE TRIGGER accounts_ai_second AFTER INSERT ON accounts FOR EACH ROW PRECEDES accounts_ai
  INSERT INTO audit_log VALUES (NEW.id, 'first now', NULL);
INSERT INTO accounts (id, balance) VALUES (6, 60);
