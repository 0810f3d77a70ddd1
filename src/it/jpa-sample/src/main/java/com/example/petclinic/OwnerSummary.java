package com.example.petclinic;

import java.util.List;

/** An owner in the list, with the names of their pets. */
record OwnerSummary(long id, String name, List<String> pets) {

	static OwnerSummary of(Owner owner) {
		return new OwnerSummary(owner.getId(), owner.getName(), owner.getPets().stream().map(Pet::getName).toList());
	}

}
