-- The same for VACUUM and ANALYZE, which cannot run inside a transaction.
SET statement_timeout = 0
