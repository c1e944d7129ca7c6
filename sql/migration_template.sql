-- migrate:up
-- ${filename}: <what this migration changes, and why>.
-- Created ${created} by `make migrate-create`. Once applied anywhere, never edit the up part: its
-- checksum is recorded and `migrate` refuses a changed file; write a new migration instead. The
-- down part is not checksummed and may be fixed later. Each part runs in its own transaction.
-- `migrate` refuses this file until the up part holds SQL.


-- migrate:down
-- Revert exactly what the up part does, in reverse order (DROP what it CREATEs, and so on).
-- Without SQL here, `rollback` refuses to revert this migration.

