package dev.nplusonelab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.nplusonelab.lab.LabQueries;

/**
 * Writes the optimized book list's statements for N = 50 as two pgbench scripts, so
 * {@code src/bench/bare.sh} can time the same SQL without the application: the yardstick
 * for "SQL time within 1.3× of the bare statements". The ids are the first 50 book ids, 1
 * to 50, as the seeder numbers them.
 * <ul>
 * <li>{@code bare-book-list.sql} inlines every value. A prepared statement without
 * parameters is planned once and its plan reused.</li>
 * <li>{@code bare-book-list-params.sql} binds the limit, the offset and the ids as
 * parameters, as the application does (pgbench passes {@code :ids} from {@code -D}). The
 * planner then makes a custom plan for every execution.</li>
 * </ul>
 */
public final class BareStatements {

	private BareStatements() {
	}

	public static void main(String[] args) throws Exception {
		int n = Integer.parseInt(System.getProperty("bench.n", "50"));
		Path out = Path.of(System.getProperty("bench.out", "target/bench"), "bare-book-list.sql");
		List<String> statements = LabQueries.books().statements();
		String ids = LongStream.rangeClosed(1, n).mapToObj(Long::toString).collect(Collectors.joining(","));
		String script = statements.get(0).replace(":limit", Integer.toString(n + 1)).replace(":offset", "0") + ";\n"
				+ statements.get(1).replace(":parent_ids", "'{" + ids + "}'::bigint[]") + ";\n";
		String parameterized = "\\set limit " + (n + 1) + "\n\\set offset 0\n" + statements.get(0) + ";\n"
				+ statements.get(1).replace(":parent_ids", ":ids::bigint[]") + ";\n";
		Path withParameters = out.resolveSibling("bare-book-list-params.sql");
		Files.createDirectories(out.getParent());
		Files.writeString(out, script);
		Files.writeString(withParameters, parameterized);
		System.out.println("Wrote " + out + " and " + withParameters);
	}

}
