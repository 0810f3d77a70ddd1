package dev.nplusonelab.customer;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer page from its fetch plan: four statements however many orders there are.
 */
@Component
@Transactional(readOnly = true)
class OptimizedCustomerReader implements CustomerReader {

	private final JdbcClient jdbc;

	OptimizedCustomerReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::detail[]
	@Override
	public Optional<CustomerDetail> detail(long id) {
		return CustomerQueries.forDetailView().one(this.jdbc, CustomerQueries.detailParameters(id));
	}
	// end::detail[]

}
