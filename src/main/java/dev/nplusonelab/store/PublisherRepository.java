package dev.nplusonelab.store;

import org.springframework.data.repository.ListCrudRepository;

public interface PublisherRepository extends ListCrudRepository<Publisher, Long> {

}
