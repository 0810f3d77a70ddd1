package dev.nplusonelab.mistake;

import java.util.Map;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.mistake.RecentBooksPage.AuthorRecentBooks;
import dev.nplusonelab.system.Paging;

/**
 * Authors with their recent books from one filtered prefetch: two statements for any page
 * size.
 */
@Component
@Transactional(readOnly = true)
class OptimizedRecentBooksReader implements RecentBooksReader {

	private final JdbcClient jdbc;

	OptimizedRecentBooksReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public RecentBooksPage list(Paging paging) {
		Slice<AuthorRecentBooks> page = MistakeQueries.authorsWithRecentBooks()
			.slice(this.jdbc, paging.pageable(), Map.of("since", SINCE));
		return new RecentBooksPage(page.getContent(), paging, page.hasNext());
	}
	// end::list[]

}
