package dev.nplusonelab.query;

import java.util.List;
import java.util.Locale;

/**
 * Every relation of a schema, for tools that reason about statements, such as a detector
 * that names the relation a repeated query walks and the fix for it.
 *
 * @param all the relations
 */
public record Relations(List<Relation> all) {

	public Relations {
		all = List.copyOf(all);
	}

	/**
	 * The conventional name of the constant that holds a relation: {@code book.author} →
	 * {@code BOOK_AUTHOR}, {@code orderItem.book} → {@code ORDER_ITEM_BOOK}.
	 */
	public static String constantName(Relation relation) {
		return relation.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
	}

}
