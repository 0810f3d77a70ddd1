INSERT INTO publisher (id, name, country)
SELECT i,
       (ARRAY['Harbor', 'Lantern', 'Granite', 'Meridian', 'Juniper', 'Copper', 'Falcon', 'Orchard',
              'Beacon', 'Willow'])[1 + i % 10]
           || ' ' || (ARRAY['Press', 'Books', 'House', 'Editions', 'Publishing'])[1 + (i / 10) % 5]
           || CASE WHEN i > 50 THEN ' ' || i ELSE '' END,
       (ARRAY['Portugal', 'Canada', 'Japan', 'Kenya', 'Chile', 'Norway', 'India', 'Ireland'])[lab_pick(i, 8)]
FROM generate_series(1, :publishers) AS i
