package dev.nplusonelab.store;

import org.springframework.data.repository.ListCrudRepository;

public interface TagRepository extends ListCrudRepository<Tag, Long> {

}
