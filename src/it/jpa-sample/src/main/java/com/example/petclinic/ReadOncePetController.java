package com.example.petclinic;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.example.petclinic.PetController.PetDetails;

/**
 * The pet page of {@link PetController} with the fix its duplicate names, read it once:
 * the {@code @ModelAttribute} method reads the owner with what the handler reads, its
 * pets, fetched, and the handler uses that owner instead of reading it again. The owner
 * is detached by the time the handler runs (open-in-view is off), so its pets must come
 * with it: a lazy collection could no longer be loaded. A controller of its own, because
 * a {@code @ModelAttribute} method serves every handler of its controller.
 */
@RestController
@RequestMapping("/owners/{ownerId}")
class ReadOncePetController {

	private final OwnerRepository owners;

	ReadOncePetController(OwnerRepository owners) {
		this.owners = owners;
	}

	@ModelAttribute("owner")
	Owner owner(@PathVariable long ownerId) {
		return this.owners.findWithPetsById(ownerId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * One pet and its owner's name, from the owner the model attribute read: one
	 * statement.
	 */
	@GetMapping("/pets/{petId}/read-once")
	PetDetails pet(@ModelAttribute("owner") Owner owner, @PathVariable long petId) {
		String name = owner.getPets()
			.stream()
			.filter((pet) -> pet.getId() == petId)
			.map(Pet::getName)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return new PetDetails(name, owner.getName());
	}

}
