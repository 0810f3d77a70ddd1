package com.example.tracing;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owners with their pets' names, the naive way: the owners in one statement, then
 * each owner's pets, a lazy collection, as the list reads them: an N+1 that the request's
 * trace shows with the line that ran it.
 */
@RestController
class OwnerController {

	private final OwnerRepository owners;

	OwnerController(OwnerRepository owners) {
		this.owners = owners;
	}

	@GetMapping("/owners")
	@Transactional(readOnly = true)
	public List<OwnerView> owners() {
		return this.owners.findAll(Sort.by("name"))
			.stream()
			.map((owner) -> new OwnerView(owner.getName(), owner.getPets().stream().map(Pet::getName).toList()))
			.toList();
	}

	record OwnerView(String name, List<String> pets) {
	}

}
