-- VACUUM can only mark a page all-visible once the commit that wrote its rows is flushed to the
-- WAL. The embedded database runs with synchronous_commit off, so the seed commits synchronously,
-- or the VACUUM right after it would leave the visibility map empty.
SELECT set_config('synchronous_commit', 'on', true)
