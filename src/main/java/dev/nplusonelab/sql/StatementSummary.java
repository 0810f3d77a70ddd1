package dev.nplusonelab.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements of a request, grouped the way the SQL panel shows them.
 * <p>
 * <em>Similar</em> statements share their SQL text and differ in parameters: the
 * signature of a query issued once per row. <em>Duplicates</em> share text and
 * parameters: the same answer asked for twice. A statement can be both.
 *
 * @param count how many statements ran
 * @param totalMillis their summed driver time
 * @param groups one entry per distinct SQL text, most executed first
 * @param lines every statement in execution order, with its group
 * @param similarStatements statements in a group of two or more
 * @param duplicateStatements statements that repeat an earlier one exactly
 * @param rows rows the application read from all results
 * @param bytes estimated bytes of the values it read
 */
public record StatementSummary(int count, double totalMillis, List<Group> groups, List<Line> lines,
		int similarStatements, int duplicateStatements, long rows, long bytes) {

	static StatementSummary of(List<StatementRecord> statements) {
		Map<String, List<StatementRecord>> bySql = new LinkedHashMap<>();
		for (StatementRecord statement : statements) {
			bySql.computeIfAbsent(statement.sql(), (sql) -> new ArrayList<>()).add(statement);
		}
		List<Group> groups = new ArrayList<>();
		Map<String, Group> groupOfSql = new HashMap<>();
		for (Map.Entry<String, List<StatementRecord>> entry : bySql.entrySet()) {
			List<StatementRecord> members = entry.getValue();
			Set<String> parameterSets = new HashSet<>();
			members.forEach((member) -> parameterSets.add(member.parameterKey()));
			double millis = members.stream().mapToDouble(StatementRecord::millis).sum();
			Group group = new Group(0, entry.getKey(), members.size(), parameterSets.size(), millis);
			groups.add(group);
			groupOfSql.put(entry.getKey(), group);
		}
		groups.sort(Comparator.comparingInt(Group::count).reversed());
		List<Group> numbered = new ArrayList<>(groups.size());
		int similarNumber = 0;
		for (Group group : groups) {
			Group renumbered = group.similar() ? group.withNumber(++similarNumber) : group;
			numbered.add(renumbered);
			groupOfSql.put(group.sql(), renumbered);
		}
		List<Line> lines = new ArrayList<>(statements.size());
		Set<String> seen = new HashSet<>();
		int similar = 0;
		int duplicates = 0;
		for (StatementRecord statement : statements) {
			Group group = groupOfSql.get(statement.sql());
			boolean duplicate = !seen.add(statement.sql() + '\u0000' + statement.parameterKey());
			similar += group.similar() ? 1 : 0;
			duplicates += duplicate ? 1 : 0;
			lines.add(new Line(statement, group.number(), duplicate));
		}
		double total = statements.stream().mapToDouble(StatementRecord::millis).sum();
		long rows = statements.stream().mapToLong((statement) -> statement.fetched().rows()).sum();
		long bytes = statements.stream().mapToLong((statement) -> statement.fetched().bytes()).sum();
		return new StatementSummary(statements.size(), total, List.copyOf(numbered), List.copyOf(lines), similar,
				duplicates, rows, bytes);
	}

	/** {@link #bytes} for people: {@code 812 B}, {@code 43.1 KB}, {@code 2.4 MB}. */
	public String readableBytes() {
		return readable(this.bytes);
	}

	/** Bytes for people, as the panel shows them: 812 B, 43.1 KB, 2.4 MB. */
	public static String readable(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

	/** Groups that ran more than once, the ones worth a look. */
	public List<Group> repeatedGroups() {
		return this.groups.stream().filter(Group::similar).toList();
	}

	/**
	 * All executions of one SQL text.
	 *
	 * @param number the group's number in the panel when it ran more than once, else 0
	 * @param sql the statement text
	 * @param count how many times it ran
	 * @param distinctParameterSets how many different parameter sets it ran with
	 * @param totalMillis the summed driver time of its executions
	 */
	public record Group(int number, String sql, int count, int distinctParameterSets, double totalMillis) {

		public boolean similar() {
			return this.count > 1;
		}

		public int duplicates() {
			return this.count - this.distinctParameterSets;
		}

		Group withNumber(int number) {
			return new Group(number, this.sql, this.count, this.distinctParameterSets, this.totalMillis);
		}

	}

	/**
	 * One statement as the panel lists it.
	 *
	 * @param statement what ran
	 * @param group the number of its similar group, or 0 when its SQL ran once
	 * @param duplicate whether an earlier statement had the same SQL and parameters
	 */
	public record Line(StatementRecord statement, int group, boolean duplicate) {
	}

}
