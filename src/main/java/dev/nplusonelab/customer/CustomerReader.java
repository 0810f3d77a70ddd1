package dev.nplusonelab.customer;

import java.util.Optional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * What the customer page reads; one implementation per mode, both returning the same
 * records.
 */
interface CustomerReader {

	ListPage<CustomerRow> list(Paging paging);

	Optional<CustomerDetail> detail(long id);

}
