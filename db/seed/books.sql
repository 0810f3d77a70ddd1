INSERT INTO book (id, title, isbn, published_on, price, sales, summary, content, author_id, editor_id,
                  category_id)
SELECT i,
       (ARRAY['The', 'A', 'Our', 'No', 'Every', 'The Last', 'The First', 'Another'])[lab_pick(i * 16 + 1, 8)]
           || ' ' || (ARRAY['Silent', 'Burning', 'Hidden', 'Paper', 'Glass', 'Iron', 'Quiet', 'Wild',
                            'Broken', 'Golden', 'Hollow', 'Northern'])[lab_pick(i * 16 + 2, 12)]
           || ' ' || (ARRAY['Harbor', 'Garden', 'Engine', 'River', 'Kingdom', 'Letter', 'Orchard',
                            'Compass', 'Lantern', 'Mirror', 'Winter', 'Bridge', 'Archive',
                            'Tide'])[lab_pick(i * 16 + 3, 14)],
       '978-' || lpad(i::text, 9, '0') || '-' || (i % 10),
       DATE '1950-01-01' + (lab_rand(i * 16 + 4) * 27300)::int,
       round((4.99 + lab_rand(i * 16 + 5) * 75)::numeric, 2),
       floor(power(lab_rand(i * 16 + 6), 3) * 250000)::int,
       'A story about ' || (ARRAY['a lighthouse keeper', 'two rival chefs', 'a missing map',
                                  'an unfinished symphony', 'a city under water', 'a stolen engine',
                                  'three sisters', 'a forgotten language'])[lab_pick(i * 16 + 7, 8)] || '.',
       repeat('Chapter text of book ' || i || ', which no list page ever needs to show. ', 40),
       -- skew: the first authors write hundreds of books, the tail writes one or two
       CASE WHEN i <= :authors THEN i
            ELSE 1 + floor(power(lab_rand(i * 16 + 8), 2) * :authors)::bigint END,
       CASE WHEN lab_rand(i * 16 + 9) < 0.25 THEN NULL ELSE lab_pick(i * 16 + 10, :editors) END,
       lab_pick(i * 16 + 11, 24)
FROM generate_series(1, :books) AS i
