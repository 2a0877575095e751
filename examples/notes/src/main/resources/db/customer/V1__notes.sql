-- One customer's notes: runs in the customer's own schema (its shard) at the customer's home site;
-- the links carry it to the other sites like any other transaction of the shard.
CREATE TABLE note (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    text       VARCHAR(1000) NOT NULL,
    created_at DATETIME(6)   NOT NULL
);
