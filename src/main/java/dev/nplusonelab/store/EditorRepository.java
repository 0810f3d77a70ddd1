package dev.nplusonelab.store;

import org.springframework.data.repository.ListCrudRepository;

public interface EditorRepository extends ListCrudRepository<Editor, Long> {

}
