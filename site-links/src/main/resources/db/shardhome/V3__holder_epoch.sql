-- The epoch of the instance that applies this link (raised by each new holder in the directory). Position
-- writes are conditional on it, so an instance that lost the link cannot commit a late transaction that
-- its successor applies as well.
ALTER TABLE link_position ADD COLUMN holder_epoch BIGINT NOT NULL DEFAULT 0;
