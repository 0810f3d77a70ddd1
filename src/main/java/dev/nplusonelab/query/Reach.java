package dev.nplusonelab.query;

import java.util.List;

/**
 * How a fetch plan reaches a relation: the path from its root table, and how the last
 * step is loaded. It is what a page shows of a relation, which tells a fix for a naive
 * page what it should load, and what not.
 *
 * @param root the plan's root table
 * @param path the relations from the root, the last one loaded as {@code how} says
 * @param how a join, a prefetch or an annotation (values computed over it)
 */
public record Reach(Table root, List<Relation> path, How how) {

	public Reach {
		path = List.copyOf(path);
	}

	/** The relation this reach loads. */
	public Relation last() {
		return this.path.get(this.path.size() - 1);
	}

	/** How a relation is loaded by a plan. */
	public enum How {

		/** Joined into the statement that reads its source rows. */
		JOIN,

		/** Loaded for all parents in one statement. */
		PREFETCH,

		/** Only computed over (a count, an average, a first value), never loaded. */
		ANNOTATE

	}

}
