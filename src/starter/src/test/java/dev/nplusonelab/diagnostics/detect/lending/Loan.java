package dev.nplusonelab.diagnostics.detect.lending;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A loan, with two to-ones that read the one {@code person} table by id. */
@Entity
public class Loan {

	@Id
	Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	Member borrower;

	@ManyToOne(fetch = FetchType.LAZY)
	Librarian clerk;

}
