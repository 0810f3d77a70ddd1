package dev.nplusonelab.book;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.store.Author;
import dev.nplusonelab.store.AuthorRepository;
import dev.nplusonelab.store.Book;
import dev.nplusonelab.store.BookRepository;
import dev.nplusonelab.store.BookTag;
import dev.nplusonelab.book.BookDetail.ReviewLine;
import dev.nplusonelab.store.CategoryRepository;
import dev.nplusonelab.store.CustomerRepository;
import dev.nplusonelab.store.EditorRepository;
import dev.nplusonelab.store.Lazy;
import dev.nplusonelab.store.PublisherRepository;
import dev.nplusonelab.store.Review;
import dev.nplusonelab.store.ReviewRepository;
import dev.nplusonelab.store.Tag;
import dev.nplusonelab.store.TagRepository;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * DELIBERATE ANTI-PATTERN: the book pages written the way a first version often is, with
 * Spring Data JDBC repositories. Every line reads well, and every related value is one
 * more statement.
 * <p>
 * For N books on a list page it runs {@code 1 + 6N + E} statements, E being the books
 * with an editor:
 * <ol>
 * <li>the page of books (1), and Spring Data JDBC loads each book's tag links, which the
 * aggregate owns (N);</li>
 * <li>the author (N), the category (N), the editor when there is one (E);</li>
 * <li>the tag names (N);</li>
 * <li>every review, only to count and average them (N);</li>
 * <li>the publisher, from the template, through a {@link Lazy} (N): the query is not even
 * in this class.</li>
 * </ol>
 * <p>
 * One book's page runs {@code 7 + E + R}, E being 1 when the book has an editor and R the
 * number of reviews shown, {@code min(5, reviews)}: the book and its tag links (2), the
 * author, the publisher (from the template), the category and the tag names (4), the
 * editor (E), every review of the book, to count and average them and keep five (1), then
 * the customer of each review shown, from the template (R).
 */
@Component
@Transactional(readOnly = true)
class NaiveBookReader implements BookReader {

	private static final int LATEST_REVIEWS = 5;

	private final BookRepository books;

	private final AuthorRepository authors;

	private final PublisherRepository publishers;

	private final CategoryRepository categories;

	private final EditorRepository editors;

	private final TagRepository tags;

	private final ReviewRepository reviews;

	private final CustomerRepository customers;

	NaiveBookReader(BookRepository books, AuthorRepository authors, PublisherRepository publishers,
			CategoryRepository categories, EditorRepository editors, TagRepository tags, ReviewRepository reviews,
			CustomerRepository customers) {
		this.books = books;
		this.authors = authors;
		this.publishers = publishers;
		this.categories = categories;
		this.editors = editors;
		this.tags = tags;
		this.reviews = reviews;
		this.customers = customers;
	}

	// tag::list[]
	@Override
	public ListPage<BookRow> list(Paging paging) {
		Slice<Book> page = this.books.findAllBy(paging.pageable(Sort.by("id")));
		return ListPage.of(page.map(this::row), paging);
	}

	@Override
	public ListPage<BookRow> listAfter(long after, int size) {
		Slice<Book> page = this.books.findByIdGreaterThan(after, Paging.first(size).pageable(Sort.by("id")));
		return ListPage.after(after, page.map(this::row));
	}

	private BookRow row(Book book) {
		Author author = this.authors.findById(book.author().getId()).orElseThrow();
		String category = this.categories.findById(book.category().getId()).orElseThrow().name();
		String editor = (book.editor() != null) ? this.editors.findById(book.editor().getId()).orElseThrow().name()
				: null;
		// Runs when the template reads it, once per row, like a lazy-loaded association.
		Lazy<String> publisher = Lazy
			.loading(() -> this.publishers.findById(author.publisher().getId()).orElseThrow().name());
		List<Long> tagIds = book.tags().stream().map(BookTag::tag).map((tag) -> tag.getId()).toList();
		List<String> tagNames = this.tags.findAllById(tagIds).stream().map(Tag::name).sorted().toList();
		// Loads every review, body and all, to count them: size() of a loaded collection.
		List<Review> bookReviews = this.reviews.findByBookId(book.id());
		return new BookRow(book.id(), book.title(), author.id(), author.name(), publisher, category, editor, tagNames,
				bookReviews.size(), average(bookReviews));
	}
	// end::list[]

	// tag::detail[]
	@Override
	public Optional<BookDetail> detail(long id) {
		// The book aggregate: every column, content included, then its tag links.
		return this.books.findById(id).map((book) -> {
			Author author = this.authors.findById(book.author().getId()).orElseThrow();
			Lazy<String> publisher = Lazy
				.loading(() -> this.publishers.findById(author.publisher().getId()).orElseThrow().name());
			String category = this.categories.findById(book.category().getId()).orElseThrow().name();
			String editor = (book.editor() != null) ? this.editors.findById(book.editor().getId()).orElseThrow().name()
					: null;
			List<Long> tagIds = book.tags().stream().map(BookTag::tag).map((tag) -> tag.getId()).toList();
			List<String> tagNames = this.tags.findAllById(tagIds).stream().map(Tag::name).sorted().toList();
			// Hundreds of reviews loaded, newest first, to count them and show five.
			List<Review> bookReviews = this.reviews.findByBookId(id);
			List<ReviewLine> latest = bookReviews.stream().limit(LATEST_REVIEWS).map(this::reviewLine).toList();
			return new BookDetail(book.id(), book.title(), book.isbn(), book.publishedOn(), book.price(),
					book.summary(), author.id(), author.name(), publisher, category, editor, tagNames,
					bookReviews.size(), average(bookReviews), latest);
		});
	}

	private ReviewLine reviewLine(Review review) {
		// Loaded when the template prints the reviewer: one statement per review shown.
		Lazy<String> customer = Lazy
			.loading(() -> this.customers.findById(review.customer().getId()).orElseThrow().name());
		return new ReviewLine(review.id(), review.rating(), review.body(), review.createdAt(), customer);
	}
	// end::detail[]

	private static BigDecimal average(List<Review> reviews) {
		if (reviews.isEmpty()) {
			return null;
		}
		int sum = reviews.stream().mapToInt(Review::rating).sum();
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(reviews.size()), 2, RoundingMode.HALF_UP);
	}

}
