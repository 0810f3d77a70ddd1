-- The home page lists the newest orders, reviews and books. Without these, each of those lists
-- sorts the whole table to keep its first rows.
CREATE INDEX orders_created_at_idx ON orders (created_at DESC, id DESC);
CREATE INDEX review_created_at_idx ON review (created_at DESC, id DESC);
CREATE INDEX book_published_on_idx ON book (published_on DESC, id DESC);
