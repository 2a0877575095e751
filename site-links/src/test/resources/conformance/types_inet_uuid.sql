-- covers: INET4, INET6 (IPv4-mapped, ::, all ones) and UUID (nil, max, versions 1 and 4, mixed case input)
--   columns, also as primary keys; inserted, updated and deleted by key.
-- expect: identical

CREATE DATABASE acme;
USE acme;

CREATE TABLE addresses (id INT PRIMARY KEY, v4 INET4, v6 INET6, u UUID);
INSERT INTO addresses VALUES
  (1, '0.0.0.0', '::', '00000000-0000-0000-0000-000000000000'),
  (2, '255.255.255.255', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  (3, '192.168.1.1', '::ffff:192.168.1.1', '6ccd780c-baba-1026-9564-5b8c656024db'),
  (4, '10.0.0.1', '2001:db8::1', 'A2A4B1C2-D3E4-4F56-8789-ABCDEF012345'),
  (5, NULL, NULL, NULL);
UPDATE addresses SET v6 = 'fe80::1', u = '123e4567-e89b-12d3-a456-426614174000' WHERE id = 1;
DELETE FROM addresses WHERE id = 5;

CREATE TABLE by_uuid (id UUID PRIMARY KEY, v INT);
INSERT INTO by_uuid VALUES ('00000000-0000-0000-0000-000000000001', 1), ('ffffffff-ffff-ffff-ffff-fffffffffffe', 2),
  ('6ccd780c-baba-1026-9564-5b8c656024db', 3);
UPDATE by_uuid SET v = 20 WHERE id = 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFE';
DELETE FROM by_uuid WHERE id = '6ccd780c-baba-1026-9564-5b8c656024db';

CREATE TABLE by_inet6 (ip INET6 PRIMARY KEY, hits BIGINT UNSIGNED);
INSERT INTO by_inet6 VALUES ('::1', 1), ('::ffff:10.0.0.1', 18446744073709551615), ('2001:db8::ff00:42:8329', 3);
UPDATE by_inet6 SET hits = hits - 1 WHERE ip = '::ffff:10.0.0.1';
DELETE FROM by_inet6 WHERE ip = '::1';
