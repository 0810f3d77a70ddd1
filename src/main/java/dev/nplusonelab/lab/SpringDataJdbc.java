package dev.nplusonelab.lab;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.domain.Slice;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

import dev.nplusonelab.store.Book;
import dev.nplusonelab.store.BookRepository;
import dev.nplusonelab.store.Review;

/**
 * Spring Data JDBC repositories in a small context of their own, over a given DataSource.
 * Single Query Loading is a switch on the mapping context, which is global to a context:
 * turning it on in the application would change every naive page. A separate context per
 * setting lets the lab compare both without touching the application's.
 */
final class SpringDataJdbc implements AutoCloseable {

	private final AnnotationConfigApplicationContext context;

	private SpringDataJdbc(AnnotationConfigApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts a context with the bookstore's repositories and the lab's.
	 * @param singleQueryLoading whether aggregates are loaded with their collections in
	 * one statement where Spring Data JDBC can
	 */
	static SpringDataJdbc start(DataSource dataSource, boolean singleQueryLoading) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		// Borrowed, not owned: without an explicit empty destroy method, closing this
		// context
		// would close the application's pool, as Spring closes AutoCloseable beans.
		context.registerBean(DataSource.class, () -> dataSource, (definition) -> definition.setDestroyMethodName(""));
		context.registerBean(NamedParameterJdbcOperations.class, () -> new NamedParameterJdbcTemplate(dataSource));
		context.registerBean("transactionManager", JdbcTransactionManager.class,
				() -> new JdbcTransactionManager(dataSource));
		context.register(singleQueryLoading ? SingleQueryLoading.class : DefaultLoading.class);
		context.refresh();
		return new SpringDataJdbc(context);
	}

	<R> R repository(Class<R> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** Repositories the application does not need: nested, so Boot's scan skips them. */
	interface Aggregates {

		/** Books as aggregates, loaded with their tag links. */
		interface Books extends Repository<Book, Long> {

			Slice<Book> findAllBy(Pageable page);

			/**
			 * The first ids, for {@link #findAllById}, which Single Query Loading serves.
			 */
			@Query("SELECT id FROM book ORDER BY id LIMIT :n")
			List<Long> firstIds(int n);

			List<Book> findAllById(Iterable<Long> ids);

			/** The books of many authors, newest first, in one query. */
			@Query("SELECT * FROM book WHERE author_id IN (:authorIds) ORDER BY published_on DESC, id DESC")
			List<Book> findByAuthorIds(Collection<Long> authorIds);

		}

		/** Review count and average of many books in one grouped query. */
		interface ReviewStatistics extends Repository<Review, Long> {

			@Query("""
					SELECT book_id, count(*) AS review_count, round(avg(rating), 2) AS average_rating
					FROM review
					WHERE book_id IN (:bookIds)
					GROUP BY book_id
					""")
			List<ReviewStats> statsOf(Collection<Long> bookIds);

		}

		record ReviewStats(long bookId, long reviewCount, @Nullable BigDecimal averageRating) {
		}

	}

	@EnableJdbcRepositories(basePackageClasses = { BookRepository.class, Aggregates.class },
			considerNestedRepositories = true)
	static class DefaultLoading extends AbstractJdbcConfiguration {

	}

	@EnableJdbcRepositories(basePackageClasses = { BookRepository.class, Aggregates.class },
			considerNestedRepositories = true)
	static class SingleQueryLoading extends AbstractJdbcConfiguration {

		@Override
		@Bean
		public JdbcMappingContext jdbcMappingContext(java.util.Optional<NamingStrategy> namingStrategy,
				JdbcCustomConversions customConversions, RelationalManagedTypes jdbcManagedTypes) {
			JdbcMappingContext context = super.jdbcMappingContext(namingStrategy, customConversions, jdbcManagedTypes);
			context.setSingleQueryLoadingEnabled(true);
			return context;
		}

		/**
		 * Without it, Single Query Loading fails to read a foreign key into an
		 * {@code AggregateReference} (ConverterNotFoundException in Spring Data JDBC
		 * 4.0.6), which the default loading reads without help.
		 */
		@Override
		protected List<?> userConverters() {
			return List.of(LongToAggregateReference.INSTANCE);
		}

	}

	@ReadingConverter
	enum LongToAggregateReference implements Converter<Long, AggregateReference<?, ?>> {

		INSTANCE;

		@Override
		public AggregateReference<?, ?> convert(Long id) {
			return AggregateReference.to(id);
		}

	}

}
