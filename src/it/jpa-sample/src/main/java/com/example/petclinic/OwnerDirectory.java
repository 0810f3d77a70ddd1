package com.example.petclinic;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The owner pages' reads. Open-in-view is off, so what a view needs is read inside one of
 * these methods; a repository call made outside them is a transaction of its own.
 */
@Component
class OwnerDirectory {

	private static final Sort BY_NAME = Sort.by("name");

	private final OwnerRepository owners;

	private final PetRepository pets;

	OwnerDirectory(OwnerRepository owners, PetRepository pets) {
		this.owners = owners;
		this.pets = pets;
	}

	/**
	 * The naive list: the owners in one statement, then each owner's pets as the view
	 * reads them, one statement per owner (or per batch of owners, with
	 * {@code hibernate.default_batch_fetch_size}).
	 */
	@Transactional(readOnly = true)
	List<OwnerSummary> list() {
		return this.owners.findAll(BY_NAME).stream().map(OwnerSummary::of).toList();
	}

	/** The same list, the pets fetched with the owners: one statement. */
	@Transactional(readOnly = true)
	List<OwnerSummary> listWithPets() {
		return this.owners.findAllWithPetsBy(BY_NAME).stream().map(OwnerSummary::of).toList();
	}

	/**
	 * The naive pet list: the pets in one statement, then each pet's owner, a lazy
	 * {@code @ManyToOne}, as the view reads its name: one statement per owner.
	 */
	@Transactional(readOnly = true)
	List<PetSummary> pets() {
		return this.pets.findAll(BY_NAME).stream().map(PetSummary::of).toList();
	}

	/** An owner's name, for the page's heading. */
	String name(long id) {
		return owner(id).getName();
	}

	/**
	 * The names of an owner's pets. It loads the owner again: {@link #name} ran in a
	 * transaction of its own, whose persistence context is gone, so this one cannot find
	 * the owner in its own and asks the database a second time, with the same id. In one
	 * transaction (or with open-in-view on, one persistence context for the whole
	 * request) the second lookup would be answered from memory.
	 */
	@Transactional(readOnly = true)
	List<String> petNames(long id) {
		return owner(id).getPets().stream().map(Pet::getName).toList();
	}

	private Owner owner(long id) {
		return this.owners.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
