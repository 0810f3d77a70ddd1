UPDATE orders
SET total = items.total
FROM (
    SELECT order_id, sum(quantity * unit_price) FILTER (WHERE NOT cancelled) AS total
    FROM order_item
    GROUP BY order_id
) AS items
WHERE items.order_id = orders.id
  AND items.total IS NOT NULL
