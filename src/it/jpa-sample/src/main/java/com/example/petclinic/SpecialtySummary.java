package com.example.petclinic;

import java.util.List;

/** A specialty, with the names of the vets who have it. */
record SpecialtySummary(String name, List<String> vets) {

	static SpecialtySummary of(Specialty specialty) {
		return new SpecialtySummary(specialty.getName(),
				specialty.getVets().stream().map(Vet::getName).sorted().toList());
	}

}
