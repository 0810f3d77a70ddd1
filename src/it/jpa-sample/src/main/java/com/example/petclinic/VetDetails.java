package com.example.petclinic;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;

/**
 * What a vet's page shows besides the name. Its languages are a lazy collection of the
 * vet's, inside this embedded object: a fix names them by their path from the entity,
 * {@code Vet.details.languages}.
 */
@Embeddable
class VetDetails {

	private String room;

	@ElementCollection
	@CollectionTable(name = "vet_language", joinColumns = @JoinColumn(name = "vet_id"))
	@Column(name = "language")
	private Set<String> languages = new HashSet<>();

	protected VetDetails() {
	}

	String getRoom() {
		return this.room;
	}

	Set<String> getLanguages() {
		return this.languages;
	}

}
