-- covers: multi-table UPDATE and DELETE within the shard (joins, a self join, LEFT JOIN with a NULL
--   match), DELETE and UPDATE with ORDER BY ... LIMIT (on a keyed and on a keyless table), UPDATE of a
--   primary key with ORDER BY, DELETE with a subquery, UPDATE changing rows of two tables in one statement.
-- expect: identical

CREATE DATABASE acme;
USE acme;
CREATE TABLE parents (id INT PRIMARY KEY, name VARCHAR(20), kids INT NOT NULL DEFAULT 0, flag TINYINT DEFAULT 0);
CREATE TABLE kids (id INT PRIMARY KEY, parent INT, name VARCHAR(20), age INT);
CREATE TABLE queue (job VARCHAR(20), prio INT, taken TINYINT NOT NULL DEFAULT 0);
INSERT INTO parents (id, name) VALUES (1, 'p1'), (2, 'p2'), (3, 'p3'), (4, 'lonely');
INSERT INTO kids VALUES (1, 1, 'k1', 3), (2, 1, 'k2', 7), (3, 2, 'k3', 12), (4, 3, 'k4', 1), (5, 9, 'orphan', 5);
INSERT INTO queue VALUES ('a', 3, 0), ('b', 1, 0), ('c', 2, 0), ('d', 1, 0), ('e', 5, 0), ('f', 1, 0);

UPDATE parents p JOIN (SELECT parent, COUNT(*) n FROM kids GROUP BY parent) k ON k.parent = p.id SET p.kids = k.n;
UPDATE parents p JOIN kids k ON k.parent = p.id SET p.flag = 1, k.age = k.age + 1 WHERE k.age > 5;
UPDATE parents p LEFT JOIN kids k ON k.parent = p.id SET p.name = 'no kids' WHERE k.id IS NULL;
DELETE k FROM kids k LEFT JOIN parents p ON p.id = k.parent WHERE p.id IS NULL;
DELETE p, k FROM parents p JOIN kids k ON k.parent = p.id WHERE p.id = 3;
UPDATE kids a JOIN kids b ON a.parent = b.parent AND a.id < b.id SET a.name = CONCAT(a.name, '-older');

UPDATE queue SET taken = 1 ORDER BY prio, job LIMIT 2;
DELETE FROM queue WHERE taken = 0 ORDER BY prio DESC, job LIMIT 1;
UPDATE kids SET id = id + 10 ORDER BY id DESC;
DELETE FROM kids ORDER BY age DESC LIMIT 1;
DELETE FROM parents WHERE id IN (SELECT parent FROM kids WHERE age > 100) OR name = 'no kids';
