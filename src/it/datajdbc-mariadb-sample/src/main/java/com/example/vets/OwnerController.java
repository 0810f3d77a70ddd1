package com.example.vets;

import java.util.List;

import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class OwnerController {

	private final OwnerRepository owners;

	private final PetRepository pets;

	OwnerController(OwnerRepository owners, PetRepository pets) {
		this.owners = owners;
		this.pets = pets;
	}

	/**
	 * The owner every handler here gets in its model, read before the handler runs: an
	 * unknown id stops the request with a 404 here.
	 */
	@ModelAttribute("owner")
	Owner owner(@PathVariable long id) {
		return this.owners.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No owner " + id));
	}

	/**
	 * One owner with the names of its pets. The handler reads the owner again, although
	 * the model already holds it: the same statement with the same value from two lines,
	 * a duplicate. Taking the model's owner as a parameter would read it once.
	 */
	@GetMapping("/owners/{id}")
	OwnerDetails show(@PathVariable long id) {
		Owner owner = this.owners.findById(id).orElseThrow();
		List<String> pets = this.pets.findByOwner(AggregateReference.to(id)).stream().map(Pet::name).sorted().toList();
		return new OwnerDetails(owner.id(), owner.name(), pets);
	}

	record OwnerDetails(long id, String name, List<String> pets) {
	}

}
