package dev.nplusonelab.mistake;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.mistake.MistakeQueries.BookWithEverything;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * DELIBERATE ANTI-PATTERN: a list served by a plan made for a detail page. It runs
 * {@code 3} statements whatever the page size (the joined books, their tags, their
 * reviews), so the statement count looks fine; the cost is in what they read: every
 * column of every book, the large {@code content} included, four joined tables, every tag
 * and every review with its text, of which the page shows a title and a name.
 */
@Component
@Transactional(readOnly = true)
class NaiveBylineReader implements MistakeReader<Byline> {

	private final JdbcClient jdbc;

	NaiveBylineReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public ListPage<Byline> list(Paging paging) {
		// "It is already optimized, and we may need the rest later."
		Slice<BookWithEverything> page = MistakeQueries.booksWithEverything().slice(this.jdbc, paging.pageable());
		return ListPage.of(page.map((book) -> new Byline(book.id(), book.title(), book.authorName())), paging);
	}
	// end::list[]

}
