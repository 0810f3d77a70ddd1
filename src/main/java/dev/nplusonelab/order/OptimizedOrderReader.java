package dev.nplusonelab.order;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/** The order list from its fetch plan: two statements for any page size. */
@Component
@Transactional(readOnly = true)
class OptimizedOrderReader implements OrderReader {

	private final JdbcClient jdbc;

	OptimizedOrderReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public ListPage<OrderRow> list(Paging paging) {
		Slice<OrderRow> page = OrderQueries.forListView().slice(this.jdbc, paging.pageable());
		return ListPage.of(page, paging);
	}
	// end::list[]

	@Override
	public ListPage<OrderRow> listAfter(long after, int size) {
		Slice<OrderRow> page = OrderQueries.forListViewAfter().sliceAfter(this.jdbc, after, size);
		return ListPage.after(after, page);
	}

}
