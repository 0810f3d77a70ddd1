INSERT INTO book_tag (book_id, tag_id)
SELECT b, 1 + (lab_pick(b * 16 + 12, 60) + n * 13) % 60
FROM generate_series(1, :books) AS b
CROSS JOIN LATERAL generate_series(1, lab_pick(b * 16 + 13, 4)::int) AS n
