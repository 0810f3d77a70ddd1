DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT unnest(ARRAY['publisher', 'author', 'category', 'editor', 'book', 'tag', 'customer',
                                 'review', 'orders', 'order_item']) LOOP
        EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), (SELECT max(id) FROM %I))', t, t);
    END LOOP;
END
$$
