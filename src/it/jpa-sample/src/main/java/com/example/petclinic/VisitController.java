package com.example.petclinic;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The visits, a page at a time. Like many controllers, it calls the repository and maps
 * what it returns afterwards, outside the repository's transaction (open-in-view is off):
 * whatever it reads must be loaded by then. That is why Visit's associations are EAGER,
 * and why a fix must keep them loaded.
 */
@RestController
class VisitController {

	private final VisitRepository visits;

	VisitController(VisitRepository visits) {
		this.visits = visits;
	}

	/**
	 * The naive page: the visits, then each pet, each vet and each visit's treatments on
	 * their own.
	 */
	@GetMapping("/visits")
	VisitPage visits(@PageableDefault(size = 10, sort = "id") Pageable pageable) {
		return VisitPage.of(this.visits.findAll(pageable));
	}

	/**
	 * The same page with the pets and vets joined by a LOAD entity graph; the treatments
	 * still come one visit at a time, unless a batch size groups them.
	 */
	@GetMapping("/visits/with-graph")
	VisitPage visitsWithGraph(@PageableDefault(size = 10, sort = "id") Pageable pageable) {
		return VisitPage.of(this.visits.findWithPetAndVetBy(pageable));
	}

}
