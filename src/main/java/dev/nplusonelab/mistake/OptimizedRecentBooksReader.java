package dev.nplusonelab.mistake;

import java.util.Map;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * Authors with their recent books from one filtered prefetch: two statements for any page
 * size.
 */
@Component
@Transactional(readOnly = true)
class OptimizedRecentBooksReader implements MistakeReader<AuthorRecentBooks> {

	private final JdbcClient jdbc;

	OptimizedRecentBooksReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public ListPage<AuthorRecentBooks> list(Paging paging) {
		Slice<AuthorRecentBooks> page = MistakeQueries.authorsWithRecentBooks()
			.slice(this.jdbc, paging.pageable(), Map.of("since", AuthorRecentBooks.SINCE));
		return ListPage.of(page, paging);
	}
	// end::list[]

}
