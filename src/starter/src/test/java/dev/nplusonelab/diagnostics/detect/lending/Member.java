package dev.nplusonelab.diagnostics.detect.lending;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who borrows, mapped on the {@code person} table. */
@Entity
@Table(name = "person")
public class Member {

	@Id
	Long id;

	String name;

}
