package com.example.petclinic;

import java.util.List;

import org.springframework.data.domain.Page;

/** One page of visits, with where it is among the others. */
record VisitPage(List<VisitSummary> visits, int page, int pages, long total) {

	static VisitPage of(Page<Visit> page) {
		return new VisitPage(page.map(VisitSummary::of).getContent(), page.getNumber(), page.getTotalPages(),
				page.getTotalElements());
	}

}
