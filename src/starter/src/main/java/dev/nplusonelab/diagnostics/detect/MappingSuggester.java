package dev.nplusonelab.diagnostics.detect;

/**
 * A {@link FixSuggester} of the starter's own that reads the application's mapping: its
 * JPA entity associations, its Spring Data JDBC aggregates. The detector asks these after
 * the application's own suggesters, which know its code best, and before the built-in
 * one, which only names the table and the key. Each names a fix only when the mapping
 * tells it which association the repeated statement reads; otherwise it leaves the
 * finding to the next.
 */
interface MappingSuggester extends FixSuggester {

	/**
	 * A table or column name as the mapping spells it, compared as the detector reads
	 * names from SQL: without quotes and schema, in lower case.
	 */
	static String name(String identifier) {
		String name = identifier.substring(identifier.lastIndexOf('.') + 1);
		return name.replaceAll("[\"`\\[\\]]", "").toLowerCase(java.util.Locale.ROOT);
	}

}
