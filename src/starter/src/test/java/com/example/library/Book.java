package com.example.library;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A book, which refers to its author by id. */
@Table("book")
public record Book(@Id Long id, String title, @Column("author_id") AggregateReference<Author, Long> author) {
}
