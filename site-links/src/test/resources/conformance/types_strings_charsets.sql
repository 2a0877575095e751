-- covers: CHAR, VARCHAR, TINYTEXT .. LONGTEXT in utf8mb4 (4-byte characters: emoji, CJK extension B,
--   musical symbols; combining marks; right-to-left text), utf8mb3, latin1, ascii, cp1251, koi8r, greek,
--   sjis, gbk, big5, euckr, ucs2, utf16, utf16le, utf32 and the binary character set; collations _bin,
--   _general_ci, _unicode_520_ci, uca1400, NO PAD, german2; quotes, backslashes, NUL, CR/LF, tab and
--   Ctrl-Z; trailing spaces (kept by VARCHAR, stripped by CHAR); empty string versus NULL; keys on
--   case-insensitive, binary and NO PAD collations (keys 'a' and 'a '); long values (VARCHAR of 16,380
--   4-byte characters, 1 MB MEDIUMTEXT, 4 MB LONGTEXT); inserted, updated and deleted by key.
-- expect: identical

CREATE DATABASE acme;
USE acme;

CREATE TABLE utf8_texts (
  id INT PRIMARY KEY,
  c CHAR(20) CHARACTER SET utf8mb4, v VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  vci VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci,
  v520 VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci,
  vuca VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci,
  vnopad VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin,
  v3 VARCHAR(100) CHARACTER SET utf8mb3,
  tt TINYTEXT CHARACTER SET utf8mb4, t TEXT CHARACTER SET utf8mb4, mt MEDIUMTEXT CHARACTER SET utf8mb4,
  lt LONGTEXT CHARACTER SET utf8mb4
);
INSERT INTO utf8_texts VALUES
  (1, 'héllo 🎉', '𠜎𠜱𝄞 emoji 😀👍🏽👨‍👩‍👧', 'Straße', 'ǅemal', 'Ⅻ ﬁ', 'trailing  ', 'Ελληνικά',
      'é é', 'שלום עולם مرحبا', '日本語テキスト', '🎉'),
  (2, '', '', '', '', '', '', '', '', '', '', ''),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (4, 'it''s', 'say "hi"', 'back\\slash', 'tab\there', CONCAT('nul', CHAR(0), 'byte'),
      CONCAT('cr', CHAR(13), 'lf', CHAR(10), 'end'), CONCAT('ctrl-z', CHAR(26)), '%_*?', '\'\"', '`', 'x  '),
  (5, 'pad   ', 'pad   ', 'pad   ', 'pad   ', 'pad   ', 'pad   ', 'pad   ', 'pad   ', 'pad   ', 'pad   ', 'pad   ');
UPDATE utf8_texts SET v = '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', c = 'changed ✓', lt = REPEAT('🎉', 1000) WHERE id = 1;
UPDATE utf8_texts SET vci = 'UPPER', vnopad = 'x ' WHERE id = 2;
DELETE FROM utf8_texts WHERE id = 3;

CREATE TABLE long_texts (
  id INT PRIMARY KEY,
  v VARCHAR(16380) CHARACTER SET utf8mb4
) ;
CREATE TABLE long_blobs_of_text (id INT PRIMARY KEY, t TEXT CHARACTER SET latin1, mt MEDIUMTEXT CHARACTER SET utf8mb4,
  lt LONGTEXT CHARACTER SET utf8mb4);
INSERT INTO long_texts VALUES (1, REPEAT('😀', 16380)), (2, REPEAT('a', 16380));
INSERT INTO long_blobs_of_text VALUES (1, REPEAT('é', 65535), REPEAT('日本', 174762), REPEAT('x€🎉', 524288));
UPDATE long_blobs_of_text SET mt = REPEAT('b', 1000000) WHERE id = 1;

CREATE TABLE single_byte (
  id INT PRIMARY KEY,
  l1 VARCHAR(50) CHARACTER SET latin1, l1g VARCHAR(50) CHARACTER SET latin1 COLLATE latin1_german2_ci,
  l1c CHAR(10) CHARACTER SET latin1 COLLATE latin1_bin, asc_ VARCHAR(50) CHARACTER SET ascii,
  cyr VARCHAR(50) CHARACTER SET cp1251, koi VARCHAR(50) CHARACTER SET koi8r,
  gr VARCHAR(50) CHARACTER SET greek, l2 VARCHAR(50) CHARACTER SET latin2, t1 TEXT CHARACTER SET latin1
) DEFAULT CHARSET = latin1;
INSERT INTO single_byte VALUES
  (1, 'café €', 'Grüße', 'àé', 'plain ascii', 'Привет, мир', 'Добрый день', 'Καλημέρα', 'Zażółć', 'ÿ ß æ ø'),
  (2, '', '', '', '', '', '', '', '', ''),
  (3, CONCAT('nul', CHAR(0)), 'x  ', 'y  ', '~', 'Ёё', 'Ёё', 'ΐ', 'ő', REPEAT('þ', 1000));
UPDATE single_byte SET cyr = 'Съешь же ещё этих мягких французских булок' WHERE id = 1;
DELETE FROM single_byte WHERE id = 2;

CREATE TABLE multi_byte (
  id INT PRIMARY KEY,
  sj VARCHAR(50) CHARACTER SET sjis, gb VARCHAR(50) CHARACTER SET gbk, b5 VARCHAR(50) CHARACTER SET big5,
  kr VARCHAR(50) CHARACTER SET euckr, uj VARCHAR(50) CHARACTER SET ujis, cp932_ VARCHAR(50) CHARACTER SET cp932,
  u2 VARCHAR(50) CHARACTER SET ucs2, u16 VARCHAR(50) CHARACTER SET utf16, u16le VARCHAR(50) CHARACTER SET utf16le,
  u32 VARCHAR(50) CHARACTER SET utf32, u16t TEXT CHARACTER SET utf16, u32c CHAR(5) CHARACTER SET utf32
);
INSERT INTO multi_byte VALUES
  (1, '日本語', '中文简体', '中文繁體', '한국어', 'かな漢字', '①ソ', 'Ωmega ♥', '𝄞 utf16 🎉', '😀 le', '🎉 utf32', '𠜎 text', '𝄞'),
  (2, '', '', '', '', '', '', '', '', '', '', '', ''),
  (3, 'ｱｲｳ', '〇', '碁', '갂', 'ﾃｽﾄ', '＼', 'ﬀ', CONCAT('nul', CHAR(0)), 'x ', ' ', REPEAT('字', 1000), 'a  ');
UPDATE multi_byte SET u16 = '🎉🎉', u32 = '👍🏽', sj = 'ソ十' WHERE id = 1;
DELETE FROM multi_byte WHERE id = 2;

-- the binary character set: text columns that compare bytes
CREATE TABLE binary_charset (id INT PRIMARY KEY, c CHAR(5) CHARACTER SET binary, v VARCHAR(20) CHARACTER SET binary,
  t TEXT CHARACTER SET binary);
INSERT INTO binary_charset VALUES (1, 'ab', 'héllo', 'x'), (2, '', '', ''), (3, CHAR(0), CONCAT('a', CHAR(0)), CHAR(255));
UPDATE binary_charset SET v = 'changed' WHERE id = 2;

-- keys on case-insensitive and binary collations: rows that differ only in case or accents
CREATE TABLE keyed_bin (k VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PRIMARY KEY, v INT);
INSERT INTO keyed_bin VALUES ('a', 1), ('A', 2), ('á', 3);
UPDATE keyed_bin SET v = 10 WHERE k = 'A';
DELETE FROM keyed_bin WHERE k = 'á';
CREATE TABLE keyed_nopad (k VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin PRIMARY KEY, v INT);
INSERT INTO keyed_nopad VALUES ('a', 1), ('a ', 2), ('a  ', 3);
UPDATE keyed_nopad SET v = 20 WHERE k = 'a ';
DELETE FROM keyed_nopad WHERE k = 'a';
CREATE TABLE keyed_ci (k VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci PRIMARY KEY, v INT);
INSERT INTO keyed_ci VALUES ('Apple', 1), ('banana', 2), ('Ärger', 3);
UPDATE keyed_ci SET k = 'APPLE', v = 10 WHERE k = 'apple';
UPDATE keyed_ci SET v = 20 WHERE k = 'BANANA';
DELETE FROM keyed_ci WHERE k = 'ärger';
CREATE TABLE keyed_latin1 (k CHAR(10) CHARACTER SET latin1 PRIMARY KEY, v INT);
INSERT INTO keyed_latin1 VALUES ('Müller', 1), ('Mueller', 2), ('x', 3);
UPDATE keyed_latin1 SET v = 5 WHERE k = 'Müller';
