package dev.nplusonelab.store;

import java.math.BigDecimal;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

@Table("order_item")
public record OrderItem(@Id Long id, @Column("book_id") AggregateReference<Book, Long> book, int quantity,
		BigDecimal unitPrice, boolean cancelled) {
}
