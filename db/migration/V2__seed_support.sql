-- A deterministic "random" number in [0, 1) for a given seed.
-- The seeder derives every generated value from the row number through this function, so the same
-- scale always produces the same rows, on any PostgreSQL version: hashint8 is the hash that hash
-- partitioning relies on, and it is kept stable across releases for that reason.
CREATE FUNCTION lab_rand(seed bigint) RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT (hashint8(seed)::bigint & 2147483647)::double precision / 2147483648.0 $$;

-- An integer in [1, n], drawn with lab_rand.
CREATE FUNCTION lab_pick(seed bigint, n bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT 1 + floor(lab_rand(seed) * n)::bigint $$;
