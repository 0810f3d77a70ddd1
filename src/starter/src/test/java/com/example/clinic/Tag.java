package com.example.clinic;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

@Entity
public class Tag {

	@Id
	Long id;

	String name;

	/** The inverse side of the articles' tags. */
	@ManyToMany(mappedBy = "contents.tags")
	List<Article> articles;

}
