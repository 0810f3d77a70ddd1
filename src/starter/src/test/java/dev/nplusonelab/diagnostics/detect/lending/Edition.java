package dev.nplusonelab.diagnostics.detect.lending;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An edition, whose id is its ISBN: the id column is {@code isbn}. */
@Entity
public class Edition {

	@Id
	String isbn;

	String title;

}
