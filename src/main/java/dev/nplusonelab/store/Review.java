package dev.nplusonelab.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;

public record Review(@Id Long id, @Column("book_id") AggregateReference<Book, Long> book,
		@Column("customer_id") AggregateReference<Customer, Long> customer, int rating, String body,
		Instant createdAt) {
}
