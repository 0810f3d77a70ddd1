package com.example.petclinic;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VetController {

	private final VetRoster roster;

	VetController(VetRoster roster) {
		this.roster = roster;
	}

	/** Every vet with their languages, the naive way: a statement per vet. */
	@GetMapping("/vets")
	List<VetSummary> vets() {
		return this.roster.vets();
	}

	/** The same list with the languages fetched in the vets' statement. */
	@GetMapping("/vets/with-languages")
	List<VetSummary> vetsWithLanguages() {
		return this.roster.vetsWithLanguages();
	}

	/** Every specialty with its vets, the naive way: a statement per specialty. */
	@GetMapping("/specialties")
	List<SpecialtySummary> specialties() {
		return this.roster.specialties();
	}

	/** The same list with the vets fetched in the specialties' statement. */
	@GetMapping("/specialties/with-vets")
	List<SpecialtySummary> specialtiesWithVets() {
		return this.roster.specialtiesWithVets();
	}

}
