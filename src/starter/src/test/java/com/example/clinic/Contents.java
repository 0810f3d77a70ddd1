package com.example.clinic;

import java.util.List;

import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;

@Embeddable
public class Contents {

	String body;

	@ManyToMany
	@JoinTable(name = "article_tags", joinColumns = @JoinColumn(name = "article_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	List<Tag> tags;

}
