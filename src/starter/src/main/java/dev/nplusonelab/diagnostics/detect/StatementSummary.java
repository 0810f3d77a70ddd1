package dev.nplusonelab.diagnostics.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

/**
 * The statements of a request, grouped the way the SQL panel shows them.
 * <p>
 * <em>Similar</em> statements share their fingerprint ({@link Fingerprint}: the SQL with
 * literals folded and {@code IN (?, ?, ?)} lists of any length as one, the detector's
 * notion of the same query) and differ in parameters: the signature of a query issued
 * once per row. <em>Duplicates</em> share their exact SQL text and parameters: the same
 * answer asked for twice. A statement can be both.
 *
 * @param count how many statements ran, kept or not
 * @param totalMillis their summed driver time, kept or not
 * @param groups one entry per fingerprint, most executed first
 * @param lines every statement in execution order, with its group
 * @param similarStatements statements in a group of two or more
 * @param duplicateStatements statements that repeat an earlier one exactly
 * @param rows rows the application read from all results
 * @param bytes estimated bytes of the values it read ({@code nplusone.result-set.bytes})
 */
public record StatementSummary(int count, double totalMillis, List<Group> groups, List<Line> lines,
		int similarStatements, int duplicateStatements, long rows, long bytes) {

	/** The statements of a block, all of them kept. */
	public static StatementSummary of(List<StatementRecord> statements) {
		return of(statements, statements.size(),
				java.time.Duration.ofNanos(statements.stream().mapToLong(StatementRecord::nanos).sum()));
	}

	/**
	 * The statements a report kept so far, with the count and the time of all it ran, for
	 * the SQL panel.
	 */
	public static StatementSummary of(RequestReport report) {
		return of(report.statements(), report.statementCount(), report.sqlTime());
	}

	/**
	 * The statements a report kept, with the count and the time of all it ran.
	 */
	static StatementSummary of(List<StatementRecord> statements, int count, java.time.Duration time) {
		Map<String, List<StatementRecord>> byFingerprint = new LinkedHashMap<>();
		for (StatementRecord statement : statements) {
			byFingerprint.computeIfAbsent(statement.fingerprint(), (fingerprint) -> new ArrayList<>()).add(statement);
		}
		List<Group> groups = new ArrayList<>();
		for (Map.Entry<String, List<StatementRecord>> entry : byFingerprint.entrySet()) {
			List<StatementRecord> members = entry.getValue();
			Set<String> texts = new HashSet<>();
			Set<String> exact = new HashSet<>();
			members.forEach((member) -> {
				texts.add(member.sql());
				exact.add(member.sql() + '\u0000' + member.parameterKey());
			});
			double millis = members.stream().mapToDouble(StatementRecord::millis).sum();
			String shown = (texts.size() == 1) ? members.get(0).sql() : entry.getKey();
			groups.add(new Group(0, entry.getKey(), shown, members.size(), exact.size(), millis));
		}
		groups.sort(Comparator.comparingInt(Group::count).reversed());
		List<Group> numbered = new ArrayList<>(groups.size());
		Map<String, Group> groupOf = new HashMap<>();
		int similarNumber = 0;
		for (Group group : groups) {
			Group renumbered = group.similar() ? group.withNumber(++similarNumber) : group;
			numbered.add(renumbered);
			groupOf.put(group.fingerprint(), renumbered);
		}
		List<Line> lines = new ArrayList<>(statements.size());
		Set<String> seen = new HashSet<>();
		int similar = 0;
		int duplicates = 0;
		for (StatementRecord statement : statements) {
			Group group = groupOf.get(statement.fingerprint());
			boolean duplicate = !seen.add(statement.sql() + '\u0000' + statement.parameterKey());
			similar += group.similar() ? 1 : 0;
			duplicates += duplicate ? 1 : 0;
			lines.add(new Line(statement, group.number(), duplicate));
		}
		double total = time.toNanos() / 1_000_000.0;
		long rows = statements.stream().mapToLong((statement) -> statement.fetched().rows()).sum();
		long bytes = statements.stream().mapToLong((statement) -> statement.fetched().bytes()).sum();
		return new StatementSummary(count, total, List.copyOf(numbered), List.copyOf(lines), similar, duplicates, rows,
				bytes);
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

	/** Statements counted but not kept ({@code nplusone.max-statements-per-request}). */
	public int dropped() {
		return this.count - this.lines.size();
	}

	/** Groups that ran more than once, the ones worth a look. */
	public List<Group> repeatedGroups() {
		return this.groups.stream().filter(Group::similar).toList();
	}

	/**
	 * All executions of one fingerprint.
	 *
	 * @param number the group's number in the panel when it ran more than once, else 0
	 * @param fingerprint what its statements share
	 * @param sql their text when they all have the same, else the fingerprint
	 * @param count how many times it ran
	 * @param distinctParameterSets how many different texts and parameter sets it ran
	 * with
	 * @param totalMillis the summed driver time of its executions
	 */
	public record Group(int number, String fingerprint, String sql, int count, int distinctParameterSets,
			double totalMillis) {

		public boolean similar() {
			return this.count > 1;
		}

		/** Executions with the text and the parameters of an earlier one. */
		public int duplicates() {
			return this.count - this.distinctParameterSets;
		}

		Group withNumber(int number) {
			return new Group(number, this.fingerprint, this.sql, this.count, this.distinctParameterSets,
					this.totalMillis);
		}

	}

	/**
	 * One statement as the panel lists it.
	 *
	 * @param statement what ran
	 * @param group the number of its similar group, or 0 when its fingerprint ran once
	 * @param duplicate whether an earlier statement had the same SQL and parameters
	 */
	public record Line(StatementRecord statement, int group, boolean duplicate) {
	}

}
