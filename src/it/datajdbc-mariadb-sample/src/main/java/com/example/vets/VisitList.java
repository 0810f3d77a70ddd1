package com.example.vets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The visits with the names of their pets, types and owners, assembled the naive way: a
 * pet and its owner and type are other aggregates, which the visit and the pet only refer
 * to by id, and each is looked up on its own for every visit. Visits of the same pet look
 * the same rows up again: the lookups repeat their keys.
 */
@Component
class VisitList {

	private static final Sort BY_ID = Sort.by("id");

	private final VisitRepository visits;

	private final PetRepository pets;

	private final OwnerRepository owners;

	VisitList(VisitRepository visits, PetRepository pets, OwnerRepository owners) {
		this.visits = visits;
		this.pets = pets;
		this.owners = owners;
	}

	/**
	 * One statement for the visits, then one per visit for its pet, and one for its
	 * owner: each a potential N+1 of its own line.
	 * @param typeNames the name of a pet type by its id, looked up however the page likes
	 */
	List<VisitView> read(LongFunction<String> typeNames) {
		List<VisitView> views = new ArrayList<>();
		for (Visit visit : this.visits.findAll(BY_ID)) {
			Pet pet = this.pets.findById(visit.pet().getId()).orElseThrow();
			String type = typeNames.apply(pet.type().getId());
			Owner owner = this.owners.findById(pet.owner().getId()).orElseThrow();
			views
				.add(new VisitView(visit.id(), visit.visitDate(), visit.description(), pet.name(), type, owner.name()));
		}
		return views;
	}

}
