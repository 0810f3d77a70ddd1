package com.example.petclinic;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

/**
 * The other fix the vets' finding names, as it is written, for {@code VetRepositoryTests}
 * only: an entity graph through the embedded path.
 */
interface EntityGraphVetRepository extends Repository<Vet, Long> {

	@EntityGraph(attributePaths = "details.languages")
	List<Vet> findAllWithLanguagesBy(Sort sort);

}
