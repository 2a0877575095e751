-- Shards a link leaves out at this (target) site for now: their copy is being rebuilt (re-seed), and
-- another reader applies their transactions until it hands them back. Kept here, next to the link's
-- position, so that a restarted link keeps leaving them out.
CREATE TABLE link_exclusion (
    link_id     VARCHAR(80)   NOT NULL,
    shard       VARCHAR(64)   NOT NULL,
    since_gtid  VARCHAR(4096) NOT NULL,
    reason      VARCHAR(255)  NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (link_id, shard)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
