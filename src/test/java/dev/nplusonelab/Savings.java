package dev.nplusonelab;

import java.util.List;
import java.util.Map;

/**
 * The statements each guide entry is about, written out by hand as the SQL they contain:
 * a test counts them in what a page ran and holds the count against the figure the guide
 * shows. The guide finds them from the relations an entry names; these shapes are typed
 * here so that the two ways of counting are independent, and a figure typed into the
 * guide, or a relation named wrongly, fails.
 */
public final class Savings {

	private static final String CUSTOMER_BY_ID = "FROM \"customer\" WHERE \"customer\".\"id\" = ?";

	private static final List<String> TAGS = List.of("FROM \"book_tag\" WHERE \"book_tag\".\"book_id\" = ?",
			"FROM \"tag\" WHERE \"tag\".\"id\" IN (", "bt.book_id = ANY(?)");

	private static final List<String> AUTHOR_PUBLISHER = List.of("FROM \"author\" WHERE \"author\".\"id\" = ?",
			"FROM \"publisher\" WHERE \"publisher\".\"id\" = ?");

	private static final List<String> CATEGORY_EDITOR = List.of("FROM \"category\" WHERE \"category\".\"id\" = ?",
			"FROM \"editor\" WHERE \"editor\".\"id\" = ?");

	private static final List<String> REVIEWS = List.of("FROM review WHERE book_id = ?", "r.book_id = ANY(?)");

	private static final List<String> AUTHOR_BOOKS = List.of("FROM book WHERE author_id = ?", "b.author_id = ANY(?)");

	private static final List<String> ITEMS = List.of("FROM \"order_item\" WHERE \"order_item\".\"order_id\" = ?",
			"oi.order_id = ANY(?)");

	/** Entry key → pieces of SQL; a statement that contains one is the entry's. */
	private static final Map<String, List<String>> SHAPES = Map.ofEntries(
			Map.entry("select-related-single", List.of(CUSTOMER_BY_ID)),
			Map.entry("select-related-chained", AUTHOR_PUBLISHER), Map.entry("select-related-several", CATEGORY_EDITOR),
			Map.entry("prefetch-related-reverse-fk", concat(AUTHOR_BOOKS, TAGS)),
			Map.entry("prefetch-related-many-to-many", TAGS), Map.entry("prefetch-filtered", ITEMS),
			Map.entry("prefetch-to-attr", AUTHOR_BOOKS),
			Map.entry("prefetch-join-inside",
					List.of("FROM \"book\" WHERE \"book\".\"id\" = ?",
							"FROM \"book_tag\" WHERE \"book_tag\".\"book_id\" = ?")),
			Map.entry("prefetch-several", ITEMS),
			Map.entry("prefetch-per-parent-limit", concat(REVIEWS, List.of(CUSTOMER_BY_ID))),
			Map.entry("only-defer", List.of("bt.book_id = ANY(?)", "r.book_id = ANY(?)")),
			Map.entry("annotate", REVIEWS), Map.entry("subquery", AUTHOR_BOOKS),
			Map.entry("manager", concat(concat(AUTHOR_PUBLISHER, CATEGORY_EDITOR), concat(TAGS, REVIEWS))));

	private Savings() {
	}

	/** The entries this knows. */
	public static java.util.Set<String> keys() {
		return SHAPES.keySet();
	}

	/** How many of {@code statements} are the entry's, by their SQL text. */
	public static long count(String entry, List<String> statements) {
		List<String> shapes = SHAPES.get(entry);
		if (shapes == null) {
			throw new IllegalArgumentException("No shapes for guide entry " + entry);
		}
		return statements.stream()
			.map((sql) -> sql.replaceAll("\\s+", " "))
			.filter((sql) -> shapes.stream().anyMatch(sql::contains))
			.count();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

}
