package dev.nplusonelab.mistake;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.mistake.MistakeQueries.BookKeys;
import dev.nplusonelab.store.AuthorRepository;
import dev.nplusonelab.store.CategoryRepository;
import dev.nplusonelab.store.ReviewRepository;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * DELIBERATE ANTI-PATTERN: three lookups per row. For each book of the page it asks the
 * repositories for its author, its category and its number of reviews: {@code 1 + 3N}
 * statements for N books. Three N+1s, but one loop, which the panel reports as one
 * finding: the fix is one change to how the page is read, not three.
 */
@Component
@Transactional(readOnly = true)
class NaiveCreditsReader implements MistakeReader<BookCredits> {

	private final JdbcClient jdbc;

	private final AuthorRepository authors;

	private final CategoryRepository categories;

	private final ReviewRepository reviews;

	NaiveCreditsReader(JdbcClient jdbc, AuthorRepository authors, CategoryRepository categories,
			ReviewRepository reviews) {
		this.jdbc = jdbc;
		this.authors = authors;
		this.categories = categories;
		this.reviews = reviews;
	}

	// tag::list[]
	@Override
	public ListPage<BookCredits> list(Paging paging) {
		Slice<BookKeys> page = MistakeQueries.bookKeys().slice(this.jdbc, paging.pageable());
		return ListPage.of(page.map(this::credits), paging);
	}

	private BookCredits credits(BookKeys book) {
		// Three statements for every book, always in this order: one loop.
		String author = this.authors.findById(book.authorId()).orElseThrow().name();
		String category = this.categories.findById(book.categoryId()).orElseThrow().name();
		long reviews = this.reviews.countByBookId(book.id());
		return new BookCredits(book.id(), book.title(), author, category, reviews);
	}
	// end::list[]

}
