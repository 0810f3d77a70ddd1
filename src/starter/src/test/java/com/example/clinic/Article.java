package com.example.clinic;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

@Entity
public class Article {

	@Id
	Long id;

	String title;

	/** Its tags live in an embedded object: {@code Article.contents.tags}. */
	@Embedded
	Contents contents;

	/** The inverse side of a one-to-one: Hibernate loads it with each article. */
	@OneToOne(mappedBy = "article")
	Summary summary;

}
