INSERT INTO orders (id, customer_id, created_at, status, total)
SELECT i,
       1 + floor(power(lab_rand(i * 16 + 1), 1.5) * :customers)::bigint,
       TIMESTAMPTZ '2026-11-01 00:00:00+00' - make_interval(secs => lab_rand(i * 16 + 2) * 365 * 86400),
       (ARRAY['NEW', 'PAID', 'SHIPPED', 'DELIVERED'])[lab_pick(i * 16 + 3, 4)],
       0
FROM generate_series(1, :orders) AS i
