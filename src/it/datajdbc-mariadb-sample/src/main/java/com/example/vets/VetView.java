package com.example.vets;

import java.util.List;
import java.util.Map;

/** A vet in the list, with the names of its specialties in alphabetical order. */
record VetView(long id, String name, List<String> specialties) {

	static VetView of(Vet vet, Map<Long, String> specialtyNames) {
		List<String> specialties = vet.specialties()
			.stream()
			.map((held) -> specialtyNames.get(held.specialty().getId()))
			.sorted()
			.toList();
		return new VetView(vet.id(), vet.name(), specialties);
	}

}
