package dev.nplusonelab.lab;

/** The two views every strategy loads, N rows at a time, first rows by id. */
public enum Workload {

	/** Books with author, publisher, category, editor, tags and review statistics. */
	BOOKS("book list", "books + author + publisher + category + editor + tags + review count and average"),

	/** Authors with publisher, every book, and each book's tags. */
	AUTHORS("author list", "authors + publisher + all their books + each book's tags");

	private final String label;

	private final String description;

	Workload(String label, String description) {
		this.label = label;
		this.description = description;
	}

	public String label() {
		return this.label;
	}

	public String description() {
		return this.description;
	}

	/** The lower-case name used in URLs and CSV files. */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
