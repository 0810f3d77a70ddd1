-- Serialises the first starts of several instances against one external database. The second
-- waits, then finds the books the first one wrote and leaves them alone.
SELECT pg_advisory_xact_lock(:lock)
