INSERT INTO review (id, book_id, customer_id, rating, body, created_at)
SELECT i,
       1 + floor(power(lab_rand(i * 16 + 1), 2) * :books)::bigint,
       lab_pick(i * 16 + 2, :customers),
       lab_pick(i * 16 + 3, 5),
       (ARRAY['Could not put it down.', 'Slow start, strong ending.', 'Not for me.',
              'The middle drags.', 'I have bought three copies as gifts.',
              'Beautiful sentences, thin plot.'])[lab_pick(i * 16 + 4, 6)],
       TIMESTAMPTZ '2026-11-01 00:00:00+00' - make_interval(secs => lab_rand(i * 16 + 5) * 3 * 365 * 86400)
FROM generate_series(1, :reviews) AS i
