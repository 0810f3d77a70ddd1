package com.example.petclinic;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OwnerController {

	private final OwnerDirectory directory;

	OwnerController(OwnerDirectory directory) {
		this.directory = directory;
	}

	/** Every owner with their pets, the naive way: a statement per owner for the pets. */
	@GetMapping("/owners")
	List<OwnerSummary> owners() {
		return this.directory.list();
	}

	/** The same list with the pets fetched in the owners' statement. */
	@GetMapping("/owners/with-pets")
	List<OwnerSummary> ownersWithPets() {
		return this.directory.listWithPets();
	}

	/** Every pet with its owner's name, the naive way: a statement per owner. */
	@GetMapping("/pets")
	List<PetSummary> pets() {
		return this.directory.pets();
	}

	/**
	 * Every pet with the size of its household, the naive way: a count per pet, the same
	 * owner counted again for each of its pets.
	 */
	@GetMapping("/pets/households")
	List<Household> households() {
		return this.directory.households();
	}

	/** The same list in one statement. */
	@GetMapping("/pets/households/in-one-query")
	List<Household> householdsInOneQuery() {
		return this.directory.householdsInOneQuery();
	}

	/** One owner, read twice by id: once for the name, once more for the pets. */
	@GetMapping("/owners/{id}")
	OwnerDetails owner(@PathVariable long id) {
		return new OwnerDetails(id, this.directory.name(id), this.directory.petNames(id));
	}

	/**
	 * The same owner with the fix the duplicate names: both reads in one read-only
	 * transaction, whose persistence context answers the second lookup by id.
	 */
	@GetMapping("/owners/{id}/in-one-transaction")
	OwnerDetails ownerInOneTransaction(@PathVariable long id) {
		return this.directory.details(id);
	}

}
