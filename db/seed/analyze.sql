-- Separate from VACUUM on purpose. In a combined VACUUM (ANALYZE) of several tables, the tables
-- after the first were left without an all-visible page.
ANALYZE
