package com.example.petclinic;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vet pages' reads, each in one transaction, in which lazy collections can still be
 * loaded as the views read them.
 */
@Component
class VetRoster {

	private static final Sort BY_NAME = Sort.by("name");

	private final VetRepository vets;

	private final SpecialtyRepository specialties;

	VetRoster(VetRepository vets, SpecialtyRepository specialties) {
		this.vets = vets;
		this.specialties = specialties;
	}

	/**
	 * The naive vet list: the vets, then each vet's languages, a collection inside its
	 * embedded details, one statement per vet.
	 */
	@Transactional(readOnly = true)
	List<VetSummary> vets() {
		return this.vets.findAll(BY_NAME).stream().map(VetSummary::of).toList();
	}

	/** The same list, the languages fetched through the embedded path: one statement. */
	@Transactional(readOnly = true)
	List<VetSummary> vetsWithLanguages() {
		return this.vets.findAllWithLanguages().stream().map(VetSummary::of).toList();
	}

	/**
	 * The naive specialty list: the specialties, then each one's vets, read from the
	 * inverse side of the vets' many-to-many, one statement per specialty.
	 */
	@Transactional(readOnly = true)
	List<SpecialtySummary> specialties() {
		return this.specialties.findAll(BY_NAME).stream().map(SpecialtySummary::of).toList();
	}

	/** The same list with the vets in the specialties' statement. */
	@Transactional(readOnly = true)
	List<SpecialtySummary> specialtiesWithVets() {
		return this.specialties.findAllWithVetsBy(BY_NAME).stream().map(SpecialtySummary::of).toList();
	}

}
