DROP TABLE IF EXISTS payment;
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
-- PostgreSQL indexes a primary key, never a foreign key: nobody added one for payment.order_id
CREATE TABLE payment (
  id bigint PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES purchase_order (id),
  amount numeric(10, 2) NOT NULL
);
