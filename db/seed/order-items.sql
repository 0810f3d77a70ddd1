INSERT INTO order_item (id, order_id, book_id, quantity, unit_price, cancelled)
SELECT row_number() OVER (ORDER BY o, n), o, book.id, lab_pick(o * 16 + n + 4, 3),
       book.price, lab_rand(o * 16 + n + 8) < 0.12
FROM generate_series(1, :orders) AS o
CROSS JOIN LATERAL generate_series(1, lab_pick(o * 16 + 3, 5)::int) AS n
JOIN book ON book.id = lab_pick(o * 16 + n, :books)
