package dev.nplusonelab.book;

import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * The book pages from their fetch plans: two statements for any page size, three for a
 * book however many reviews it has.
 */
@Component
@Transactional(readOnly = true)
class OptimizedBookReader implements BookReader {

	private final JdbcClient jdbc;

	OptimizedBookReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public ListPage<BookRow> list(Paging paging) {
		Slice<BookRow> page = BookQueries.forListView().slice(this.jdbc, paging.pageable());
		return ListPage.of(page, paging);
	}
	// end::list[]

	@Override
	public ListPage<BookRow> listAfter(long after, int size) {
		Slice<BookRow> page = BookQueries.forListViewAfter().sliceAfter(this.jdbc, after, size);
		return ListPage.after(after, page);
	}

	// tag::detail[]
	@Override
	public Optional<BookDetail> detail(long id) {
		return BookQueries.forDetailView().one(this.jdbc, Map.of("id", id));
	}
	// end::detail[]

}
