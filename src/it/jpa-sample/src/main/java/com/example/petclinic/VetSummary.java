package com.example.petclinic;

import java.util.List;

/** A vet in the list, with the room and the languages of its details. */
record VetSummary(String name, String room, List<String> languages) {

	static VetSummary of(Vet vet) {
		return new VetSummary(vet.getName(), vet.getDetails().getRoom(),
				vet.getDetails().getLanguages().stream().sorted().toList());
	}

}
