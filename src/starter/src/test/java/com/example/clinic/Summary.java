package com.example.clinic;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

@Entity
public class Summary {

	@Id
	Long id;

	String text;

	@OneToOne(fetch = FetchType.LAZY)
	Article article;

}
