package com.example.clinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

@Entity
public class Pet {

	@Id
	Long id;

	String name;

	@ManyToOne(optional = false)
	@JoinColumn(nullable = false)
	Owner owner;

}
