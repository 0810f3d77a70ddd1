package com.example.petclinic;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * An owner's pets. As in Spring PetClinic, every request here gets its owner from a
 * {@code @ModelAttribute} method, which reads it before the handler runs, in a
 * transaction of its own.
 */
@RestController
@RequestMapping("/owners/{ownerId}")
class PetController {

	private final OwnerRepository owners;

	private final OwnerDirectory directory;

	PetController(OwnerRepository owners, OwnerDirectory directory) {
		this.owners = owners;
		this.directory = directory;
	}

	@ModelAttribute("owner")
	Owner owner(@PathVariable long ownerId) {
		return this.owners.findById(ownerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * One pet and its owner's name. The duplicate: the pet's name comes from the
	 * directory, which reads the owner again. {@link ReadOncePetController} reads it
	 * once.
	 */
	@GetMapping("/pets/{petId}")
	PetDetails pet(@ModelAttribute("owner") Owner owner, @PathVariable long petId) {
		return new PetDetails(this.directory.petName(owner.getId(), petId), owner.getName());
	}

	/**
	 * Registers {@code count} new pets for the owner: unbatched writes, one INSERT per
	 * pet, from 10 of them on, unless the {@code batch-inserts} profile lets Hibernate
	 * batch them.
	 */
	@PostMapping("/pets")
	@ResponseStatus(HttpStatus.CREATED)
	Registered register(@ModelAttribute("owner") Owner owner, @RequestParam int count) {
		return new Registered(owner.getId(), this.directory.register(owner.getId(), count));
	}

	record PetDetails(String name, String owner) {
	}

	record Registered(long owner, int pets) {
	}

}
