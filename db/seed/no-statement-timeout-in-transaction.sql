-- The application's connections cancel any statement after a few seconds (statement_timeout in
-- application.properties). Seeding a large scale takes minutes, so the seed transaction lifts
-- the limit for itself.
SELECT set_config('statement_timeout', '0', true)
