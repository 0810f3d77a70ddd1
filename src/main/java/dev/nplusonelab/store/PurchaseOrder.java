package dev.nplusonelab.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order and the items it owns. The table is {@code orders}: {@code order} is reserved
 * in SQL.
 */
@Table("orders")
public record PurchaseOrder(@Id Long id, @Column("customer_id") AggregateReference<Customer, Long> customer,
		Instant createdAt, String status, BigDecimal total,
		@MappedCollection(idColumn = "order_id") Set<OrderItem> items) {
}
