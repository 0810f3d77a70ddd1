package dev.nplusonelab.guide;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.query.Relation;
import dev.nplusonelab.query.ToMany;
import dev.nplusonelab.query.ToOne;

/**
 * What a statement reads, as far as telling which relation it loads: the table it reads
 * first, and the key its WHERE clause binds ({@code = ?}, {@code = ANY(?)} or
 * {@code IN (…)}), with the table that key belongs to. A join or a lateral over a
 * relation compares a column with another column, never with a bound value, so the
 * statement it is part of does not load that relation on its own.
 *
 * @param mainTable the first table of its FROM clause, lower case, or null
 * @param keyTable the table of the bound key, or null when it binds none
 * @param keyColumn the bound key's column, or null
 */
record StatementShape(@Nullable String mainTable, @Nullable String keyTable, @Nullable String keyColumn) {

	private static final String NAME = "[a-z_][a-z0-9_]*";

	private static final Pattern FROM_OR_JOIN = Pattern.compile("\\b(?:from|join)\\s+(" + NAME + ")(?:\\s+(?:as\\s+)?"
			+ "(?!(?:where|join|left|right|inner|outer|full|cross|on|order|group|limit|offset|lateral)\\b)(" + NAME
			+ "))?");

	private static final Pattern BOUND_KEY = Pattern
		.compile("\\bwhere\\s+\\(?\\s*(?:(" + NAME + ")\\.)?(" + NAME + ")\\s*(?:=\\s*\\?|=\\s*any\\s*\\(|in\\s*\\()");

	static StatementShape of(String sql) {
		String text = sql.replace("\"", "").toLowerCase(Locale.ROOT);
		Map<String, String> tables = new LinkedHashMap<>();
		Matcher from = FROM_OR_JOIN.matcher(text);
		while (from.find()) {
			String table = from.group(1);
			if (!table.equals("lateral")) {
				tables.putIfAbsent(table, table);
				if (from.group(2) != null) {
					tables.putIfAbsent(from.group(2), table);
				}
			}
		}
		String main = tables.isEmpty() ? null : tables.values().iterator().next();
		Matcher key = BOUND_KEY.matcher(text);
		if (!key.find()) {
			return new StatementShape(main, null, null);
		}
		String qualifier = key.group(1);
		String keyTable = (qualifier != null) ? tables.getOrDefault(qualifier, qualifier) : main;
		return new StatementShape(main, keyTable, key.group(2));
	}

	/**
	 * Whether this statement loads rows of {@code relation} by its key: a to-one's target
	 * by id; a to-many's children by the parent's key; a many-to-many's links by the
	 * parent's key, or its far rows by id.
	 */
	boolean loads(Relation relation) {
		if (relation instanceof ToOne one) {
			return reads(one.target().name(), one.target().name(), "id");
		}
		ToMany many = (ToMany) relation;
		if (many.link() == null) {
			return reads(many.target().name(), many.target().name(), many.foreignKey());
		}
		String link = many.link().table().name();
		return reads(link, link, many.foreignKey()) || reads(many.target().name(), link, many.foreignKey())
				|| reads(many.target().name(), many.target().name(), "id");
	}

	private boolean reads(String main, String table, String column) {
		return main.equals(this.mainTable) && table.equals(this.keyTable) && column.equals(this.keyColumn);
	}

}
