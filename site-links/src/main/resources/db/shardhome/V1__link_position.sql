-- Where each link stands at this (target) site. Updated in the same transaction as the rows a link
-- applies, so a restart resumes exactly after the last applied source transaction.
CREATE TABLE link_position (
    link_id            VARCHAR(80)   NOT NULL,
    source_site        VARCHAR(32)   NOT NULL,
    target_site        VARCHAR(32)   NOT NULL,
    gtid_set           VARCHAR(4096) NOT NULL,
    last_gtid          VARCHAR(128)  NOT NULL DEFAULT '',
    binlog_file        VARCHAR(255)  NOT NULL DEFAULT '',
    binlog_pos         BIGINT        NOT NULL DEFAULT 0,
    source_commit_time TIMESTAMP(3)  NULL,
    applied_at         TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    applied_count      BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (link_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
