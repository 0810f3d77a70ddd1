package dev.nplusonelab.diagnostics.detect.lending;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who lends, mapped on the same {@code person} table as {@link Member}. */
@Entity
@Table(name = "person")
public class Librarian {

	@Id
	Long id;

	String name;

}
