package dev.nplusonelab.store;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.repository.ListCrudRepository;

public interface PurchaseOrderRepository extends ListCrudRepository<PurchaseOrder, Long> {

	Slice<PurchaseOrder> findAllBy(Pageable page);

}
