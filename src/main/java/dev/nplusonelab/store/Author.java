package dev.nplusonelab.store;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;

public record Author(@Id Long id, String name, String bio, @Nullable LocalDate bornOn,
		@Column("publisher_id") AggregateReference<Publisher, Long> publisher) {
}
