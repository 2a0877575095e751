-- covers: GEOMETRY, POINT, LINESTRING, POLYGON (with a hole), MULTIPOINT, MULTILINESTRING, MULTIPOLYGON and
--   GEOMETRYCOLLECTION values, an SRID, empty collections, a SPATIAL index (NOT NULL column), coordinates at
--   the limits of double precision; inserted, updated and deleted by key.
-- expect: identical

CREATE DATABASE acme;
USE acme;

CREATE TABLE shapes (
  id INT PRIMARY KEY,
  g GEOMETRY, p POINT, l LINESTRING, pg POLYGON, mp MULTIPOINT, ml MULTILINESTRING, mpg MULTIPOLYGON,
  gc GEOMETRYCOLLECTION
);
INSERT INTO shapes VALUES
  (1, ST_GeomFromText('POINT(1 2)'), ST_GeomFromText('POINT(-180 -90)'), ST_GeomFromText('LINESTRING(0 0, 1 1, 2 0)'),
      ST_GeomFromText('POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 3, 2 2))'),
      ST_GeomFromText('MULTIPOINT(0 0, 1 1)'), ST_GeomFromText('MULTILINESTRING((0 0, 1 1), (2 2, 3 3))'),
      ST_GeomFromText('MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))'),
      ST_GeomFromText('GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(0 0, 2 2))')),
  (2, ST_GeomFromText('POLYGON((0 0, 1 0, 1 1, 0 0))', 4326), ST_GeomFromText('POINT(1.7976931348623157e308 -4.9e-324)'),
      NULL, NULL, NULL, NULL, NULL, ST_GeomFromText('GEOMETRYCOLLECTION EMPTY')),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
UPDATE shapes SET p = ST_GeomFromText('POINT(0.1 0.2)'), g = ST_GeomFromText('LINESTRING(5 5, 6 6)') WHERE id = 1;
DELETE FROM shapes WHERE id = 3;

CREATE TABLE places (id INT PRIMARY KEY, name VARCHAR(20), loc POINT NOT NULL, SPATIAL INDEX (loc));
INSERT INTO places VALUES (1, 'origin', POINT(0, 0)), (2, 'north', POINT(0, 90)), (3, 'far', POINT(179.999999, -89.5));
UPDATE places SET loc = POINT(1, 1) WHERE id = 1;
DELETE FROM places WHERE id = 2;

-- a keyless table matched on a geometry value
CREATE TABLE tracks (name VARCHAR(10), path LINESTRING);
INSERT INTO tracks VALUES ('a', ST_GeomFromText('LINESTRING(0 0, 1 1)')), ('b', ST_GeomFromText('LINESTRING(0 0, 1 2)'));
UPDATE tracks SET name = 'b2' WHERE name = 'b';
DELETE FROM tracks WHERE name = 'a';
