package dev.nplusonelab.mistake;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.mistake.MistakeQueries.BookTitleOnly;
import dev.nplusonelab.store.BookRepository;
import dev.nplusonelab.store.Lazy;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * DELIBERATE ANTI-PATTERN: a projection that leaves out a column the page shows. It runs
 * {@code 1 + N} statements for N books: the ids and titles (1, here), then one
 * {@code SELECT summary} per book (N), which the template runs while it renders, when it
 * reads each summary. Reading this class, the page looks like one statement.
 */
@Component
@Transactional(readOnly = true)
class NaiveBlurbReader implements MistakeReader<Blurb> {

	private final JdbcClient jdbc;

	private final BookRepository books;

	NaiveBlurbReader(JdbcClient jdbc, BookRepository books) {
		this.jdbc = jdbc;
		this.books = books;
	}

	// tag::list[]
	@Override
	public ListPage<Blurb> list(Paging paging) {
		Slice<BookTitleOnly> page = MistakeQueries.titlesOnly().slice(this.jdbc, paging.pageable());
		return ListPage.of(page.map(this::blurb), paging);
	}

	private Blurb blurb(BookTitleOnly book) {
		// Deferred: loaded when the template reads it, one statement per row.
		Lazy<String> summary = Lazy.loading(() -> this.books.findSummaryById(book.id()));
		return new Blurb(book.id(), book.title(), summary);
	}
	// end::list[]

}
