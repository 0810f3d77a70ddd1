package dev.nplusonelab.mistake;

import java.util.List;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.mistake.MistakeQueries.AuthorWithBooks;
import dev.nplusonelab.mistake.AuthorRecentBooks.RecentBook;
import dev.nplusonelab.store.BookRepository;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * DELIBERATE ANTI-PATTERN: a prefetch, then a filtered query per parent. It runs
 * {@code 2 + N} statements for N authors on the page: the authors and every one of their
 * books (2, which looks optimized), then each author's recent books again from the
 * repository (N), because the view wants only those. The prefetched books are never read.
 * This is Django's {@code author.books.filter(...)} after
 * {@code prefetch_related("books")}: a filter is a new query, it does not look in the
 * prefetched list.
 */
@Component
@Transactional(readOnly = true)
class NaiveRecentBooksReader implements MistakeReader<AuthorRecentBooks> {

	private final JdbcClient jdbc;

	private final BookRepository books;

	NaiveRecentBooksReader(JdbcClient jdbc, BookRepository books) {
		this.jdbc = jdbc;
		this.books = books;
	}

	// tag::list[]
	@Override
	public ListPage<AuthorRecentBooks> list(Paging paging) {
		Slice<AuthorWithBooks> page = MistakeQueries.authorsWithEveryBook().slice(this.jdbc, paging.pageable());
		// author.books() is loaded and never read: the filter goes back to the database,
		// once per author.
		Slice<AuthorRecentBooks> rows = page
			.map((author) -> new AuthorRecentBooks(author.id(), author.name(), recentBooks(author.id())));
		return ListPage.of(rows, paging);
	}

	private List<RecentBook> recentBooks(long authorId) {
		return this.books.findByAuthorIdAndPublishedOnGreaterThanEqual(authorId, AuthorRecentBooks.SINCE)
			.stream()
			.map((book) -> new RecentBook(book.id(), book.title(), book.publishedOn()))
			.toList();
	}
	// end::list[]

}
