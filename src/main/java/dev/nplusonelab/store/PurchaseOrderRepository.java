package dev.nplusonelab.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PurchaseOrderRepository extends ListCrudRepository<PurchaseOrder, Long> {

	Slice<PurchaseOrder> findAllBy(Pageable page);

	Slice<PurchaseOrder> findByIdGreaterThan(long id, Pageable page);

	/** Every order of the customer, newest first, each with all its items. */
	@Query("SELECT * FROM orders WHERE customer_id = :customerId ORDER BY created_at DESC, id DESC")
	List<PurchaseOrder> findByCustomerId(long customerId);

	/**
	 * The customer's orders placed on or after {@code since}, newest first, each with all
	 * its items.
	 */
	@Query("""
			SELECT *
			FROM orders
			WHERE customer_id = :customerId
			  AND created_at >= :since
			ORDER BY created_at DESC, id DESC
			""")
	List<PurchaseOrder> findRecentByCustomerId(long customerId, Instant since);

	/**
	 * The customer's orders whose total is over {@code total}, newest first, each with
	 * all its items.
	 */
	@Query("""
			SELECT *
			FROM orders
			WHERE customer_id = :customerId
			  AND total > :total
			ORDER BY created_at DESC, id DESC
			""")
	List<PurchaseOrder> findByCustomerIdAndTotalGreaterThan(long customerId, BigDecimal total);

}
