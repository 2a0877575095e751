-- covers: BINARY (zero padding), VARBINARY (trailing zeros kept), TINYBLOB, BLOB, MEDIUMBLOB at its
--   maximum (16,777,215 bytes) and a 16 MiB LONGBLOB (the largest value max_allowed_packet=16M lets a
--   client build), every byte value 0x00-0xFF, empty versus NULL; an UPDATE of a small column in a row
--   holding 16 MiB (the row event carries both full images), and deletes.
-- expect: identical
-- timeout: 240

CREATE DATABASE acme;
USE acme;

SET @all_bytes = (SELECT UNHEX(GROUP_CONCAT(LPAD(HEX(seq), 2, '0') ORDER BY seq SEPARATOR '')) FROM seq_0_to_255);

CREATE TABLE binaries (
  id INT PRIMARY KEY,
  b1 BINARY(1), b4 BINARY(4), b255 BINARY(255), vb VARBINARY(300), tb TINYBLOB, bl BLOB
);
INSERT INTO binaries VALUES
  (1, 0x00, 0x61, LEFT(@all_bytes, 255), @all_bytes, LEFT(@all_bytes, 255), @all_bytes),
  (2, 0xFF, 0x00000000, 0x00, 0x00000000, 0x00, 0x0000),
  (3, '', '', '', '', '', ''),
  (4, NULL, NULL, NULL, NULL, NULL, NULL),
  (5, 'a', 'ab  ', 'text ', 'trailing  ', 'x ', REPEAT(0xDEADBEEF, 16383));
UPDATE binaries SET vb = CONCAT(0x00, vb, 0x00), b4 = 0x01020304 WHERE id = 1;
UPDATE binaries SET bl = CONCAT(REPEAT(@all_bytes, 255), LEFT(@all_bytes, 255)) WHERE id = 5;
DELETE FROM binaries WHERE id = 3;

CREATE TABLE big_blobs (id INT PRIMARY KEY, note VARCHAR(20), mb MEDIUMBLOB, lb LONGBLOB);
INSERT INTO big_blobs VALUES (1, 'medium max', REPEAT(@all_bytes, 65535) , NULL);
UPDATE big_blobs SET mb = CONCAT(mb, REPEAT(0xAB, 255)) WHERE id = 1;
INSERT INTO big_blobs VALUES (2, 'long 16 MiB', NULL, REPEAT(@all_bytes, 65536));
UPDATE big_blobs SET note = 'small change' WHERE id = 2;
INSERT INTO big_blobs VALUES (3, 'to delete', REPEAT(0x00, 1048576), REPEAT(0xFF, 1048576));
DELETE FROM big_blobs WHERE id = 3;
