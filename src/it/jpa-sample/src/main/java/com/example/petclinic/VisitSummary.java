package com.example.petclinic;

import java.time.LocalDate;
import java.util.List;

/** A visit in the list, with its pet, its vet and the names of its treatments. */
record VisitSummary(long id, LocalDate date, String description, String pet, String vet, List<String> treatments) {

	static VisitSummary of(Visit visit) {
		return new VisitSummary(visit.getId(), visit.getDate(), visit.getDescription(), visit.getPet().getName(),
				visit.getVet().getName(), visit.getTreatments().stream().map(Treatment::getName).sorted().toList());
	}

}
