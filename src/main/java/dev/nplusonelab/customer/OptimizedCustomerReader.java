package dev.nplusonelab.customer;

import java.util.Optional;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * The customer pages from their fetch plans: one statement for a page of the list, four
 * for a customer however many orders they have.
 */
@Component
@Transactional(readOnly = true)
class OptimizedCustomerReader implements CustomerReader {

	private final JdbcClient jdbc;

	OptimizedCustomerReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public ListPage<CustomerRow> list(Paging paging) {
		Slice<CustomerRow> page = CustomerQueries.forListView().slice(this.jdbc, paging.pageable());
		return ListPage.of(page, paging);
	}
	// end::list[]

	// tag::detail[]
	@Override
	public Optional<CustomerDetail> detail(long id) {
		return CustomerQueries.forDetailView().one(this.jdbc, CustomerQueries.detailParameters(id));
	}
	// end::detail[]

}
