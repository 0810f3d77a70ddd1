package dev.nplusonelab.diagnostics;

import java.util.List;

/**
 * The fixes the starter names without knowing the application: the table and the key
 * column, and the SQL that loads them for every row at once. Asked after the
 * application's own suggesters.
 */
final class BuiltInSuggestions implements FixSuggester {

	@Override
	public Finding.Suggestion suggest(RepeatedLookup lookup) {
		String table = lookup.table();
		String key = table + "." + lookup.column();
		if (lookup.byId() && table.equals(lookup.sourceTable())) {
			if (lookup.columns().isEmpty()) {
				return new Finding.Suggestion("select", List.of(),
						"select the columns of " + table + " in the statement that read its rows",
						"SELECT …, " + table + ".* FROM " + table + " …");
			}
			String columns = String.join(", ", lookup.columns());
			String qualified = String.join(", ", lookup.columns().stream().map((c) -> table + "." + c).toList());
			return new Finding.Suggestion("select", List.of(),
					"select " + columns + " in the statement that read the " + table + " rows",
					"SELECT …, " + qualified + " FROM " + table + " …");
		}
		if (lookup.byId()) {
			return new Finding.Suggestion("load", List.of(), "load " + table + " by id for all rows at once",
					"WHERE " + key + " = ANY(?)");
		}
		if (lookup.aggregate()) {
			return new Finding.Suggestion("aggregate", List.of(),
					"aggregate " + table + " by " + lookup.column() + " for all parents at once",
					"WHERE " + key + " = ANY(?) GROUP BY " + key);
		}
		return new Finding.Suggestion("load", List.of(),
				"load " + table + " rows by " + lookup.column() + " for all parents at once",
				"WHERE " + key + " = ANY(?)");
	}

	@Override
	public Finding.Suggestion suggestForLargeValues(StatementRecord statement) {
		return new Finding.Suggestion("project", List.of(), "select only the columns the page shows",
				"SELECT the columns instead of SELECT *");
	}

}
