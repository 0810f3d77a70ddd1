INSERT INTO customer (id, name) VALUES
  (1, 'Ada Lovelace'), (2, 'Grace Hopper'), (3, 'Edsger Dijkstra'), (4, 'Barbara Liskov'),
  (5, 'Donald Knuth'), (6, 'Frances Allen');
INSERT INTO purchase_order (id, customer_id, total) VALUES
  (1, 1, 42.00), (2, 2, 17.50), (3, 3, 8.99), (4, 1, 120.00), (5, 4, 64.25), (6, 5, 5.00),
  (7, 6, 33.10), (8, 2, 12.00), (9, 3, 99.90), (10, 4, 7.45), (11, 5, 250.00), (12, 6, 18.75);
-- 2,400 instalments, 200 per order, stored order by order
INSERT INTO payment (id, order_id, amount)
  SELECT n, 1 + (n - 1) / 200, 0.50 FROM generate_series(1, 2400) n;
