DROP TABLE IF EXISTS purchase_order;
DROP TABLE IF EXISTS customer;
CREATE TABLE customer (
  id bigint PRIMARY KEY,
  name text NOT NULL
);
CREATE TABLE purchase_order (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customer (id),
  total numeric(10, 2) NOT NULL
);
CREATE INDEX ON purchase_order (customer_id);
