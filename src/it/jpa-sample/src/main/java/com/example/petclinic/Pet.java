package com.example.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

@Entity
class Pet {

	/**
	 * From a sequence, not an IDENTITY column: Hibernate must insert a row to learn an
	 * IDENTITY id, so it sends those inserts one by one whatever
	 * {@code hibernate.jdbc.batch_size} says; with a sequence it knows the ids first and
	 * can send the rows as one JDBC batch. The sequence starts above the ids of
	 * {@code data.sql}, and one call hands out fifty ids.
	 */
	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pet_ids")
	@SequenceGenerator(name = "pet_ids", sequenceName = "pet_ids", initialValue = 100, allocationSize = 50)
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Owner owner;

	protected Pet() {
	}

	Pet(String name, Owner owner) {
		this.name = name;
		this.owner = owner;
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	Owner getOwner() {
		return this.owner;
	}

}
