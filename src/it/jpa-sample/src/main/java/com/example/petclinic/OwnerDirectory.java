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

	private static final Sort BY_NAME_AND_ID = Sort.by("name", "id");

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

	/**
	 * Each pet with the size of its household, the naive way: the pets in one statement,
	 * then a count per pet. Pets of one owner count the same owner's pets again, with the
	 * same key: Hibernate answers no query from its persistence context. That is one
	 * potential N+1 over fewer distinct keys than statements, not a duplicate besides.
	 */
	@Transactional(readOnly = true)
	List<Household> households() {
		return this.pets.findAll(BY_NAME_AND_ID)
			.stream()
			.map((pet) -> new Household(pet.getName(), this.pets.countByOwner(pet.getOwner())))
			.toList();
	}

	/** The same list, counted in the pets' statement. */
	@Transactional(readOnly = true)
	List<Household> householdsInOneQuery() {
		return this.pets.findHouseholds();
	}

	/**
	 * The name of one of an owner's pets. The controller read the owner already, as a
	 * model attribute, but in a transaction of its own that is gone: its pets cannot be
	 * loaded from it any more. So this reads the owner again, from another line, with the
	 * same id: a duplicate across two lines.
	 */
	@Transactional(readOnly = true)
	String petName(long ownerId, long petId) {
		return owner(ownerId).getPets()
			.stream()
			.filter((pet) -> pet.getId() == petId)
			.map(Pet::getName)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * Registers {@code count} new pets of an owner, saved one by one. Hibernate sends
	 * their INSERTs when the transaction commits: one statement per pet, unless
	 * {@code hibernate.jdbc.batch_size} lets it send them as JDBC batches. The owner is a
	 * reference: a detached one, with an id of its own choosing, would make Hibernate
	 * read its row again to tell it from a new one.
	 */
	@Transactional
	int register(long ownerId, int count) {
		Owner owner = this.owners.getReferenceById(ownerId);
		for (int i = 1; i <= count; i++) {
			this.pets.save(new Pet("Pet " + i, owner));
		}
		return count;
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

	/**
	 * The owner page with the fix the duplicate names: {@link #name} and
	 * {@link #petNames} in one read-only transaction. Its persistence context holds the
	 * owner the first lookup loaded, so the second lookup by the same id finds it there
	 * and asks the database nothing: the owner, then its pets.
	 */
	@Transactional(readOnly = true)
	OwnerDetails details(long id) {
		return new OwnerDetails(id, name(id), petNames(id));
	}

	private Owner owner(long id) {
		return this.owners.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
