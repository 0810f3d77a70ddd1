package dev.nplusonelab.store;

import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A row of the book_tag link table, owned by its book. */
@Table("book_tag")
public record BookTag(@Column("tag_id") AggregateReference<Tag, Long> tag) {
}
