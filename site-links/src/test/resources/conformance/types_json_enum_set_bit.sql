-- covers: JSON (nested documents, unicode and escapes, numbers at the edge of double precision, scalars,
--   1 MB documents, JSON_SET/JSON_REMOVE updates); ENUM (empty-string error value, 300 members, utf8mb4
--   and latin1 labels); SET (all 64 members, empty set); BIT(1), BIT(7), BIT(8), BIT(17), BIT(32), BIT(63),
--   BIT(64) at zero and all ones; inserted, updated and deleted by key.
-- expect: identical

CREATE DATABASE acme;
USE acme;

CREATE TABLE documents (id INT PRIMARY KEY, doc JSON, doc2 LONGTEXT CHECK (JSON_VALID(doc2)));
INSERT INTO documents VALUES
  (1, '{"a": [1, 2, {"b": null}], "c": "ü 🎉", "d": {"e": {"f": [true, false]}}}', '[]'),
  (2, '"just a string with \\"quotes\\" and \\\\ backslash"', '123.456e-7'),
  (3, '[1.7976931348623157e308, -0, 0.1, 12345678901234567890, -9223372036854775808]', 'null'),
  (4, '{}', '{"nested": {"empty": {}, "list": []}}'),
  (5, NULL, NULL),
  (6, CONCAT('{"big": "', REPEAT('x', 1048576), '"}'), CONCAT('[', REPEAT('1,', 100000), '1]'));
UPDATE documents SET doc = JSON_SET(doc, '$.c', 'changed', '$.new', JSON_ARRAY(1, 'two')) WHERE id = 1;
UPDATE documents SET doc = JSON_REMOVE(doc, '$[0]') WHERE id = 3;
DELETE FROM documents WHERE id = 4;

CREATE TABLE enums (
  id INT PRIMARY KEY,
  e ENUM('red', 'green', 'blue'), eu ENUM('ä', 'ö', '🎉') CHARACTER SET utf8mb4,
  el ENUM('café', 'naïve') CHARACTER SET latin1, en ENUM('a', 'b') NOT NULL DEFAULT 'b'
);
SET SESSION sql_mode = '';
INSERT INTO enums VALUES (1, 'red', 'ä', 'café', 'a'), (2, 'blue', '🎉', 'naïve', 'b'), (3, 'purple', 'x', 'y', 'c'),
  (4, NULL, NULL, NULL, DEFAULT);
SET SESSION sql_mode = DEFAULT;
UPDATE enums SET e = 'green', eu = 'ö' WHERE id = 1;
UPDATE enums SET e = 2 WHERE id = 4;
DELETE FROM enums WHERE id = 2;

-- an ENUM of 300 members is stored in two bytes
SET @members = (SELECT GROUP_CONCAT(CONCAT('''m', seq, '''') ORDER BY seq) FROM seq_1_to_300);
SET @ddl = CONCAT('CREATE TABLE big_enum (id INT PRIMARY KEY, e ENUM(', @members, '))');
PREPARE create_big_enum FROM @ddl;
EXECUTE create_big_enum;
DEALLOCATE PREPARE create_big_enum;
INSERT INTO big_enum VALUES (1, 'm1'), (2, 'm255'), (3, 'm256'), (4, 'm300');
UPDATE big_enum SET e = 'm299' WHERE id = 2;

CREATE TABLE sets (
  id INT PRIMARY KEY,
  s SET('a', 'b', 'c'), s64 SET('s1','s2','s3','s4','s5','s6','s7','s8','s9','s10','s11','s12','s13','s14','s15',
    's16','s17','s18','s19','s20','s21','s22','s23','s24','s25','s26','s27','s28','s29','s30','s31','s32','s33',
    's34','s35','s36','s37','s38','s39','s40','s41','s42','s43','s44','s45','s46','s47','s48','s49','s50','s51',
    's52','s53','s54','s55','s56','s57','s58','s59','s60','s61','s62','s63','s64'),
  su SET('ü', '€', '😀') CHARACTER SET utf8mb4
);
INSERT INTO sets VALUES (1, 'a,c', 's1,s64', 'ü,😀'), (2, '', '', ''), (3, 'a,b,c', NULL, '€'), (4, NULL, NULL, NULL);
UPDATE sets SET s64 = 18446744073709551615 WHERE id = 3;
UPDATE sets SET s = 'b', su = 'ü,€,😀' WHERE id = 2;
DELETE FROM sets WHERE id = 1;

CREATE TABLE bits (
  id INT PRIMARY KEY, b1 BIT(1), b7 BIT(7), b8 BIT(8), b17 BIT(17), b32 BIT(32), b63 BIT(63), b64 BIT(64),
  u TINYINT UNSIGNED
);
INSERT INTO bits VALUES
  (1, b'1', b'1111111', b'11111111', b'11111111111111111', 0xFFFFFFFF, 0x7FFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF, 255),
  (2, b'0', b'0', b'0', b'0', 0, 0, 0, 0),
  (3, b'1', b'1010101', b'10000000', b'10000000000000001', 0x80000000, 0x4000000000000000, 0x8000000000000000, 128),
  (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
UPDATE bits SET b64 = 0x0123456789ABCDEF, b17 = b'1' WHERE id = 1;
DELETE FROM bits WHERE id = 2;
