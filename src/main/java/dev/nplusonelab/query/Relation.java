package dev.nplusonelab.query;

/**
 * A named association between two tables, described once and used everywhere: to write a
 * JOIN or a prefetch, and to name the fix when a page loads it one row at a time.
 */
public sealed interface Relation permits ToOne, ToMany {

	/** The name as code refers to it, {@code book.author} or {@code author.books}. */
	String name();

	/** The table the relation starts from. */
	Table source();

	/** The table it leads to. */
	Table target();

}
