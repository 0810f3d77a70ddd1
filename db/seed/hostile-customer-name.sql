-- The same for a customer, with a quote that naive string building would break on.
UPDATE customer
SET name = '<img src=x onerror=alert(1)> O''Brien'
WHERE id = 2
