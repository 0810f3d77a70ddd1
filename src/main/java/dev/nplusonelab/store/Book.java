package dev.nplusonelab.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * A book aggregate as Spring Data JDBC maps it: it owns its tag links, and refers to
 * everything else by id. Loading a book loads every column, {@code content} included, and
 * then its tag links with one more statement per book.
 */
public record Book(@Id Long id, String title, String isbn, LocalDate publishedOn, BigDecimal price, int sales,
		String summary, String content, @Column("author_id") AggregateReference<Author, Long> author,
		@Column("editor_id") @Nullable AggregateReference<Editor, Long> editor,
		@Column("category_id") AggregateReference<Category, Long> category,
		@MappedCollection(idColumn = "book_id") Set<BookTag> tags) {
}
