package dev.nplusonelab.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

import dev.nplusonelab.lab.LabAuthor;
import dev.nplusonelab.lab.LabBook;

/**
 * The workloads the way a Hibernate 7 team writes them: JOIN FETCH for the to-one
 * relations, the review statistics as scalar subqueries in the same HQL, and the
 * collections (tags, an author's books) left lazy and loaded in batches by
 * {@code hibernate.default_batch_fetch_size}, which Hibernate runs as one
 * {@code = any(?)} statement per batch.
 * <p>
 * The entities map only the columns the views show; mapping {@code book.content} too, as
 * a full entity would, adds about 2.7 KB per book read.
 */
final class HibernateStrategies implements AutoCloseable {

	private final SessionFactory sessions;

	HibernateStrategies(DataSource dataSource, int batchSize) {
		Configuration configuration = new Configuration().addAnnotatedClass(BookEntity.class)
			.addAnnotatedClass(AuthorEntity.class)
			.addAnnotatedClass(PublisherEntity.class)
			.addAnnotatedClass(CategoryEntity.class)
			.addAnnotatedClass(EditorEntity.class)
			.addAnnotatedClass(TagEntity.class)
			.addAnnotatedClass(ReviewEntity.class);
		configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
		configuration.setProperty(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, Integer.toString(batchSize));
		configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
		configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
		this.sessions = configuration.buildSessionFactory();
	}

	List<LabBook> books(int n) {
		return this.sessions.fromTransaction((session) -> {
			session.setDefaultReadOnly(true);
			List<Object[]> rows = session.createSelectionQuery("""
					SELECT b,
					       (SELECT count(r) FROM ReviewEntity r WHERE r.book = b),
					       (SELECT sum(r.rating) FROM ReviewEntity r WHERE r.book = b)
					FROM BookEntity b
					JOIN FETCH b.author a
					JOIN FETCH a.publisher
					JOIN FETCH b.category
					LEFT JOIN FETCH b.editor
					ORDER BY b.id
					""", Object[].class).setMaxResults(n).getResultList();
			return rows.stream().map((row) -> {
				BookEntity book = (BookEntity) row[0];
				long count = (Long) row[1];
				BigDecimal average = (count == 0) ? null : BigDecimal.valueOf(((Number) row[2]).longValue())
					.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
				return new LabBook(book.id, book.title, book.author.name, book.author.publisher.name,
						book.category.name, (book.editor != null) ? book.editor.name : null, names(book.tags), count,
						average);
			}).toList();
		});
	}

	List<LabAuthor> authors(int n) {
		return this.sessions.fromTransaction((session) -> {
			session.setDefaultReadOnly(true);
			return session
				.createSelectionQuery("FROM AuthorEntity a JOIN FETCH a.publisher ORDER BY a.id", AuthorEntity.class)
				.setMaxResults(n)
				.getResultList()
				.stream()
				.map((author) -> new LabAuthor(author.id, author.name, author.publisher.name,
						author.books.stream()
							.map((book) -> new LabAuthor.Book(book.id, book.title, book.publishedOn, book.price,
									names(book.tags)))
							.toList()))
				.toList();
		});
	}

	private static List<String> names(Set<TagEntity> tags) {
		return tags.stream().map((tag) -> tag.name).sorted().toList();
	}

	@Override
	public void close() {
		this.sessions.close();
	}

	@Entity(name = "BookEntity")
	@Table(name = "book")
	static class BookEntity {

		@Id
		Long id;

		String title;

		@jakarta.persistence.Column(name = "published_on")
		LocalDate publishedOn;

		BigDecimal price;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "author_id")
		AuthorEntity author;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "category_id")
		CategoryEntity category;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "editor_id")
		EditorEntity editor;

		@ManyToMany
		@JoinTable(name = "book_tag", joinColumns = @JoinColumn(name = "book_id"),
				inverseJoinColumns = @JoinColumn(name = "tag_id"))
		Set<TagEntity> tags;

	}

	@Entity(name = "AuthorEntity")
	@Table(name = "author")
	static class AuthorEntity {

		@Id
		Long id;

		String name;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "publisher_id")
		PublisherEntity publisher;

		@OneToMany(mappedBy = "author")
		@OrderBy("publishedOn DESC, id DESC")
		List<BookEntity> books;

	}

	/** A lookup table: an id and a name. */
	@MappedSuperclass
	abstract static class Named {

		@Id
		Long id;

		String name;

	}

	@Entity(name = "PublisherEntity")
	@Table(name = "publisher")
	static class PublisherEntity extends Named {

	}

	@Entity(name = "CategoryEntity")
	@Table(name = "category")
	static class CategoryEntity extends Named {

	}

	@Entity(name = "EditorEntity")
	@Table(name = "editor")
	static class EditorEntity extends Named {

	}

	@Entity(name = "TagEntity")
	@Table(name = "tag")
	static class TagEntity extends Named {

	}

	@Entity(name = "ReviewEntity")
	@Table(name = "review")
	static class ReviewEntity {

		@Id
		Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "book_id")
		BookEntity book;

		short rating;

	}

}
