package com.example.petclinic;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

/**
 * The trap the visits' findings warn of, for {@code VisitRepositoryTests} only: the same
 * graph as the sample's, but Spring Data's default type, FETCH.
 */
interface FetchGraphVisitRepository extends Repository<Visit, Long> {

	@EntityGraph(attributePaths = { "pet", "vet" })
	Page<Visit> findWithPetAndVetBy(Pageable pageable);

}
