INSERT INTO customer (id, name, email, city, joined_at)
SELECT i,
       (ARRAY['Amara', 'Bruno', 'Chen', 'Dana', 'Eero', 'Fatima', 'Goran', 'Hana', 'Ivo', 'Jade', 'Kai',
              'Lucia'])[lab_pick(i * 16 + 1, 12)]
           || ' ' || (ARRAY['Silva', 'Kowalski', 'Nguyen', 'Schmidt', 'Mensah', 'Rossi', 'Park',
                            'Dubois', 'Quinn', 'Vargas'])[lab_pick(i * 16 + 2, 10)],
       'customer' || i || '@example.org',
       (ARRAY['Lisbon', 'Toronto', 'Osaka', 'Nairobi', 'Santiago', 'Bergen', 'Pune', 'Cork'])[lab_pick(i * 16 + 3, 8)],
       -- before their first review (3 years back at most) and their first order (1 year back)
       TIMESTAMPTZ '2026-11-01 00:00:00+00' - make_interval(secs => (3 + lab_rand(i * 16 + 4) * 2) * 365 * 86400)
FROM generate_series(1, :customers) AS i
