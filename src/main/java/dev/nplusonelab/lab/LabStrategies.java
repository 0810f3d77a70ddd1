package dev.nplusonelab.lab;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.nplusonelab.lab.SpringDataJdbc.Aggregates;
import dev.nplusonelab.store.Author;
import dev.nplusonelab.store.AuthorRepository;
import dev.nplusonelab.store.Book;
import dev.nplusonelab.store.BookRepository;
import dev.nplusonelab.store.BookTag;
import dev.nplusonelab.store.Category;
import dev.nplusonelab.store.CategoryRepository;
import dev.nplusonelab.store.Editor;
import dev.nplusonelab.store.EditorRepository;
import dev.nplusonelab.store.Publisher;
import dev.nplusonelab.store.PublisherRepository;
import dev.nplusonelab.store.Review;
import dev.nplusonelab.store.ReviewRepository;
import dev.nplusonelab.store.Tag;
import dev.nplusonelab.store.TagRepository;

/**
 * Every way the lab loads each workload inside the application, over one DataSource: the
 * naive repository calls, the query layer's prefetches, its single JSON statement, one
 * JOIN across the to-many relations, and Spring Data JDBC aggregates with and without
 * Single Query Loading. All return equal records for the same N.
 * <p>
 * Each load runs in one read-only transaction, so every strategy uses one connection.
 */
public final class LabStrategies implements AutoCloseable {

	/** The strategies, in the order tables and charts show them. */
	public static final List<String> NAMES = List.of("naive", "optimized", "json", "cartesian", "sdj", "sdj-single");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SpringDataJdbc defaultLoading;

	private final SpringDataJdbc singleQueryLoading;

	public LabStrategies(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		this.transactions.setReadOnly(true);
		this.defaultLoading = SpringDataJdbc.start(dataSource, false);
		this.singleQueryLoading = SpringDataJdbc.start(dataSource, true);
	}

	/** Loads the first N rows of a workload, ordered by id. */
	@FunctionalInterface
	public interface Loader {

		List<?> load(int n);

	}

	/** The loaders of a workload by strategy name, in {@link #NAMES} order. */
	public Map<String, Loader> of(Workload workload) {
		Map<String, Loader> loaders = new LinkedHashMap<>();
		if (workload == Workload.BOOKS) {
			loaders.put("naive", inTransaction(this::naiveBooks));
			loaders.put("optimized",
					inTransaction((n) -> LabQueries.books().slice(this.jdbc, PageRequest.ofSize(n)).getContent()));
			loaders.put("json", inTransaction(
					(n) -> LabQueries.booksAsJson().slice(this.jdbc, PageRequest.ofSize(n)).getContent()));
			loaders.put("cartesian", inTransaction(this::cartesianBooks));
			loaders.put("sdj",
					inTransaction((n) -> aggregateBooks(this.defaultLoading, n, pageOfBooks(this.defaultLoading, n))));
			loaders.put("sdj-single", inTransaction(
					(n) -> aggregateBooks(this.singleQueryLoading, n, booksById(this.singleQueryLoading, n))));
		}
		else {
			loaders.put("naive", inTransaction(this::naiveAuthors));
			loaders.put("optimized",
					inTransaction((n) -> LabQueries.authors().slice(this.jdbc, PageRequest.ofSize(n)).getContent()));
			loaders.put("json", inTransaction(
					(n) -> LabQueries.authorsAsJson().slice(this.jdbc, PageRequest.ofSize(n)).getContent()));
			loaders.put("cartesian", inTransaction(this::cartesianAuthors));
			loaders.put("sdj", inTransaction((n) -> aggregateAuthors(this.defaultLoading, n)));
			loaders.put("sdj-single", inTransaction((n) -> aggregateAuthors(this.singleQueryLoading, n)));
		}
		return loaders;
	}

	private Loader inTransaction(Function<Integer, List<?>> load) {
		return (n) -> this.transactions.execute((status) -> load.apply(n));
	}

	// tag::naive[]
	/**
	 * DELIBERATE ANTI-PATTERN: {@code 1 + 6N + E} statements (E: books with an editor),
	 * as on {@code /books?mode=naive}.
	 */
	private List<LabBook> naiveBooks(int n) {
		BookRepository books = this.defaultLoading.repository(BookRepository.class);
		AuthorRepository authors = this.defaultLoading.repository(AuthorRepository.class);
		PublisherRepository publishers = this.defaultLoading.repository(PublisherRepository.class);
		CategoryRepository categories = this.defaultLoading.repository(CategoryRepository.class);
		EditorRepository editors = this.defaultLoading.repository(EditorRepository.class);
		TagRepository tags = this.defaultLoading.repository(TagRepository.class);
		ReviewRepository reviews = this.defaultLoading.repository(ReviewRepository.class);
		return books.findAllBy(PageRequest.of(0, n, Sort.by("id"))).stream().map((book) -> {
			Author author = authors.findById(book.author().getId()).orElseThrow();
			String publisher = publishers.findById(author.publisher().getId()).orElseThrow().name();
			String category = categories.findById(book.category().getId()).orElseThrow().name();
			String editor = (book.editor() != null) ? editors.findById(book.editor().getId()).orElseThrow().name()
					: null;
			List<String> tagNames = tags.findAllById(tagIds(book)).stream().map(Tag::name).sorted().toList();
			List<Review> bookReviews = reviews.findByBookId(book.id());
			return new LabBook(book.id(), book.title(), author.name(), publisher, category, editor, tagNames,
					bookReviews.size(), average(bookReviews));
		}).toList();
	}

	/**
	 * DELIBERATE ANTI-PATTERN: {@code 1 + 2N + 2B} statements (B: books of the N
	 * authors): per author the publisher and the books (each book's tag links come with
	 * it, one statement per book), then per book the tag names.
	 */
	private List<LabAuthor> naiveAuthors(int n) {
		AuthorRepository authors = this.defaultLoading.repository(AuthorRepository.class);
		PublisherRepository publishers = this.defaultLoading.repository(PublisherRepository.class);
		BookRepository books = this.defaultLoading.repository(BookRepository.class);
		TagRepository tags = this.defaultLoading.repository(TagRepository.class);
		return authors.findAllBy(PageRequest.of(0, n, Sort.by("id"))).stream().map((author) -> {
			String publisher = publishers.findById(author.publisher().getId()).orElseThrow().name();
			List<LabAuthor.Book> written = books.findByAuthorId(author.id()).stream().map((book) -> {
				List<String> names = tags.findAllById(tagIds(book)).stream().map(Tag::name).sorted().toList();
				return new LabAuthor.Book(book.id(), book.title(), book.publishedOn(), book.price(), names);
			}).toList();
			return new LabAuthor(author.id(), author.name(), publisher, written);
		}).toList();
	}
	// end::naive[]

	// tag::sdj[]
	/**
	 * Aggregates loaded the way Spring Data JDBC intends: the books (each with its tag
	 * links), then every referenced aggregate by its ids in one {@code findAllById} each,
	 * then the review statistics in one grouped query.
	 */
	private List<LabBook> aggregateBooks(SpringDataJdbc repositories, int n, List<Book> books) {
		Map<Long, Author> authors = byId(repositories.repository(AuthorRepository.class)
			.findAllById(distinct(books, (book) -> book.author().getId())), Author::id);
		Map<Long, Publisher> publishers = byId(repositories.repository(PublisherRepository.class)
			.findAllById(distinct(authors.values(), (author) -> author.publisher().getId())), Publisher::id);
		Map<Long, Category> categories = byId(repositories.repository(CategoryRepository.class)
			.findAllById(distinct(books, (book) -> book.category().getId())), Category::id);
		Set<Long> editorIds = books.stream()
			.filter((book) -> book.editor() != null)
			.map((book) -> Objects.requireNonNull(book.editor()).getId())
			.collect(Collectors.toCollection(TreeSet::new));
		Map<Long, Editor> editors = editorIds.isEmpty() ? Map.of()
				: byId(repositories.repository(EditorRepository.class).findAllById(editorIds), Editor::id);
		Map<Long, Tag> tags = byId(
				repositories.repository(TagRepository.class)
					.findAllById(books.stream().flatMap((book) -> tagIds(book).stream()).collect(Collectors.toSet())),
				Tag::id);
		Map<Long, Aggregates.ReviewStats> stats = books.isEmpty() ? Map.of()
				: byId(repositories.repository(Aggregates.ReviewStatistics.class)
					.statsOf(books.stream().map(Book::id).toList()), Aggregates.ReviewStats::bookId);
		return books.stream().map((book) -> {
			Author author = authors.get(book.author().getId());
			Aggregates.ReviewStats review = stats.get(book.id());
			return new LabBook(book.id(), book.title(), author.name(),
					publishers.get(author.publisher().getId()).name(), categories.get(book.category().getId()).name(),
					(book.editor() != null) ? editors.get(book.editor().getId()).name() : null,
					tagIds(book).stream().map((id) -> tags.get(id).name()).sorted().toList(),
					(review != null) ? review.reviewCount() : 0, (review != null) ? review.averageRating() : null);
		}).toList();
	}

	/** A page of books as a repository returns it: the natural way to ask. */
	private static List<Book> pageOfBooks(SpringDataJdbc repositories, int n) {
		return repositories.repository(Aggregates.Books.class)
			.findAllBy(PageRequest.of(0, n, Sort.by("id")))
			.getContent();
	}

	/**
	 * The same page in two steps, because Single Query Loading only serves
	 * {@code findAll}, {@code findById} and {@code findAllById}: with the paged query
	 * above it silently falls back to one statement per book for the tag links.
	 */
	private static List<Book> booksById(SpringDataJdbc repositories, int n) {
		Aggregates.Books books = repositories.repository(Aggregates.Books.class);
		return books.findAllById(books.firstIds(n)).stream().sorted(java.util.Comparator.comparing(Book::id)).toList();
	}

	/**
	 * The authors, their publishers by id, all their books in one query (each with its
	 * tag links), then every tag by id.
	 */
	private List<LabAuthor> aggregateAuthors(SpringDataJdbc repositories, int n) {
		List<Author> authors = repositories.repository(AuthorRepository.class)
			.findAllBy(PageRequest.of(0, n, Sort.by("id")))
			.getContent();
		Map<Long, Publisher> publishers = byId(repositories.repository(PublisherRepository.class)
			.findAllById(distinct(authors, (author) -> author.publisher().getId())), Publisher::id);
		List<Book> books = authors.isEmpty() ? List.of() : repositories.repository(Aggregates.Books.class)
			.findByAuthorIds(authors.stream().map(Author::id).toList());
		Map<Long, Tag> tags = byId(
				repositories.repository(TagRepository.class)
					.findAllById(books.stream().flatMap((book) -> tagIds(book).stream()).collect(Collectors.toSet())),
				Tag::id);
		Map<Long, List<LabAuthor.Book>> byAuthor = books.stream()
			.collect(Collectors.groupingBy((book) -> book.author().getId(), LinkedHashMap::new,
					Collectors.mapping(
							(book) -> new LabAuthor.Book(book.id(), book.title(), book.publishedOn(), book.price(),
									tagIds(book).stream().map((id) -> tags.get(id).name()).sorted().toList()),
							Collectors.toList())));
		return authors.stream()
			.map((author) -> new LabAuthor(author.id(), author.name(),
					publishers.get(author.publisher().getId()).name(), byAuthor.getOrDefault(author.id(), List.of())))
			.toList();
	}
	// end::sdj[]

	// tag::cartesian[]
	/**
	 * DELIBERATE ANTI-PATTERN: one statement, but each book comes back once per (tag,
	 * review) pair, and the application removes the duplicates it asked the database to
	 * make.
	 */
	private List<LabBook> cartesianBooks(int n) {
		Map<Long, BookRows> books = new LinkedHashMap<>();
		this.jdbc.sql(LabQueries.BOOKS_CARTESIAN).param("limit", n).query((java.sql.ResultSet row) -> {
			long id = row.getLong("id");
			BookRows book = books.get(id);
			if (book == null) {
				// The statistics are computed below from the product, so they start
				// empty.
				book = new BookRows(new LabBook(id, row.getString("title"), row.getString("author_name"),
						row.getString("publisher_name"), row.getString("category_name"), row.getString("editor_name"),
						List.of(), 0, null));
				books.put(id, book);
			}
			String tag = row.getString("tag_name");
			if (tag != null) {
				book.tags.add(tag);
			}
			long review = row.getLong("review_id");
			if (!row.wasNull() && book.reviews.add(review)) {
				book.ratingSum += row.getInt("rating");
			}
		});
		return books.values().stream().map(BookRows::book).toList();
	}

	/**
	 * DELIBERATE ANTI-PATTERN: one statement, each author repeated for every tag of every
	 * book.
	 */
	private List<LabAuthor> cartesianAuthors(int n) {
		Map<Long, LabAuthor> authors = new LinkedHashMap<>();
		Map<Long, Map<Long, LabAuthor.Book>> books = new LinkedHashMap<>();
		Map<Long, Set<String>> tags = new LinkedHashMap<>();
		this.jdbc.sql(LabQueries.AUTHORS_CARTESIAN).param("limit", n).query((java.sql.ResultSet row) -> {
			long authorId = row.getLong("id");
			if (!authors.containsKey(authorId)) {
				authors.put(authorId, LabQueries.author(row, 0));
				books.put(authorId, new LinkedHashMap<>());
			}
			long bookId = row.getLong("book_id");
			if (row.wasNull()) {
				return;
			}
			if (!books.get(authorId).containsKey(bookId)) {
				books.get(authorId)
					.put(bookId,
							new LabAuthor.Book(bookId, row.getString("title"),
									row.getObject("published_on", java.time.LocalDate.class),
									row.getBigDecimal("price"), List.of()));
			}
			String tag = row.getString("tag_name");
			Set<String> bookTags = tags.computeIfAbsent(bookId, (id) -> new TreeSet<>());
			if (tag != null) {
				bookTags.add(tag);
			}
		});
		return authors.values()
			.stream()
			.map((author) -> author.withBooks(books.get(author.id())
				.values()
				.stream()
				.map((book) -> book.withTags(List.copyOf(tags.getOrDefault(book.id(), Set.of()))))
				.toList()))
			.toList();
	}
	// end::cartesian[]

	private static final class BookRows {

		private final LabBook first;

		private final Set<String> tags = new TreeSet<>();

		private final Set<Long> reviews = new LinkedHashSet<>();

		private long ratingSum;

		BookRows(LabBook first) {
			this.first = first;
		}

		LabBook book() {
			BigDecimal average = this.reviews.isEmpty() ? null : BigDecimal.valueOf(this.ratingSum)
				.divide(BigDecimal.valueOf(this.reviews.size()), 2, RoundingMode.HALF_UP);
			return new LabBook(this.first.id(), this.first.title(), this.first.authorName(), this.first.publisherName(),
					this.first.categoryName(), this.first.editorName(), List.copyOf(this.tags), this.reviews.size(),
					average);
		}

	}

	private static List<Long> tagIds(Book book) {
		return book.tags().stream().map(BookTag::tag).map((tag) -> tag.getId()).toList();
	}

	private static <T> Set<Long> distinct(Collection<T> rows, Function<T, Long> id) {
		return rows.stream().map(id).collect(Collectors.toCollection(TreeSet::new));
	}

	private static <T> Map<Long, T> byId(Iterable<T> rows, Function<T, Long> id) {
		Map<Long, T> map = new LinkedHashMap<>();
		rows.forEach((row) -> map.put(id.apply(row), row));
		return map;
	}

	private static @Nullable BigDecimal average(List<Review> reviews) {
		if (reviews.isEmpty()) {
			return null;
		}
		int sum = reviews.stream().mapToInt(Review::rating).sum();
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(reviews.size()), 2, RoundingMode.HALF_UP);
	}

	@Override
	public void close() {
		this.defaultLoading.close();
		this.singleQueryLoading.close();
	}

}
