package com.example.clinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Specialty {

	@Id
	Long id;

	String name;

}
