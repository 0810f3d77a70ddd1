package dev.nplusonelab.customer;

import java.util.Optional;

/**
 * What the customer page reads; one implementation per mode, both returning the same
 * records.
 */
interface CustomerReader {

	Optional<CustomerDetail> detail(long id);

}
