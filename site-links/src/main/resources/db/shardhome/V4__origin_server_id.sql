-- The server id a link writes under at this (target) site: its source master's. A link reading this
-- site's binlog takes a lone DDL statement under a foreign server id for one a link applied here only
-- when that id is listed here; any other foreign DDL stops it (never carried silently, never dropped).
ALTER TABLE link_position ADD COLUMN origin_server_id BIGINT NOT NULL DEFAULT 0;
