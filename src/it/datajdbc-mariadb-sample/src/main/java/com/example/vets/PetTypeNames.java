package com.example.vets;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * The names of pet types, cached: there are two types and they never change, so each is
 * read once, however many visits, pages or requests ask for it.
 */
@Component
class PetTypeNames {

	private final PetTypeRepository types;

	PetTypeNames(PetTypeRepository types) {
		this.types = types;
	}

	@Cacheable("petTypeNames")
	public String name(long id) {
		return this.types.findById(id).orElseThrow().name();
	}

}
