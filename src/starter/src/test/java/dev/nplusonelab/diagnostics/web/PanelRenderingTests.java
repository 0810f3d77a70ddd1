package dev.nplusonelab.diagnostics.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.capture.Database;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.IndexHint;
import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.detect.SqlRuleScope;
import dev.nplusonelab.diagnostics.detect.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the panel shows of a report: an EXPLAIN link only where the database can explain,
 * and each finding once, a broken rule pointing to it rather than repeating it.
 */
class PanelRenderingTests {

	private static final String OWNERS = "SELECT id FROM owner";

	private static final String PETS = "SELECT name FROM pet WHERE owner_id = ?";

	private final SqlPanelRenderer renderer = new SqlPanelRenderer(PanelLinks.of("/explain/{id}/{index}", "/history"),
			false, 100);

	@Test
	void theExplainLinkIsOfferedOnlyOnDatabasesWithAnExplainAnalyze() {
		assertThat(explainLinks(Database.of("PostgreSQL", "17.6"))).hasSize(2);
		assertThat(explainLinks(Database.of("MariaDB", "10.11.19-MariaDB"))).hasSize(2);
		assertThat(explainLinks(Database.of("H2", "2.3.232 (2024-08-11)"))).hasSize(2);
		assertThat(explainLinks(Database.of("MySQL", "8.0.17"))).isEmpty();
		assertThat(explainLinks(Database.of("Apache Derby", "10.16.1.1"))).isEmpty();
	}

	@Test
	void aBrokenRulePointsToItsFindingWhichIsShownOnce() {
		RequestReport report = report(
				new RecordedStatements().ran(OWNERS, 3).ran(PETS, 1, 1L).ran(PETS, 1, 2L).ran(PETS, 1, 3L));
		NPlusOneProperties strict = new NPlusOneProperties();
		strict.setStrict(true);
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), strict, SqlRuleScope.EVERY_REQUEST);
		List<Finding> findings = diagnostics.findings(report);

		Document panel = Jsoup.parse(
				this.renderer.panel(diagnostics.panel(report, findings, diagnostics.violations(report, findings)), ""));

		assertThat(panel.select(".findings li")).singleElement().satisfies((finding) -> {
			assertThat(finding.text()).contains("potential N+1 · 3 statements");
			assertThat(finding.select("pre.sql").first().wholeText())
				.isEqualTo("SELECT name\nFROM pet\nWHERE owner_id = ?");
		});
		assertThat(panel.select(".violations li")).singleElement()
			.satisfies((rule) -> assertThat(rule.text())
				.isEqualTo("N_PLUS_ONE finding 1, the potential N+1 from OwnerSummary.java:9"));
	}

	/**
	 * A loop is one finding that shows each of its statements with its own line, counts
	 * once in the badge and breaks strict mode's rule once; batch+1 is shown with its
	 * batches and keys, and counts as no N+1.
	 */
	@Test
	void aLoopShowsEachStatementAndCountsOnceAndBatchPlusOneIsNoNPlusOne() {
		String owners = "SELECT name FROM owner WHERE id = ?";
		String visits = "SELECT id, pet_id, owner_id FROM visit";
		String tags = "SELECT tag_id FROM pet_tag WHERE pet_id = ANY(?)";
		RecordedStatements statements = new RecordedStatements().ran(visits, 4);
		for (long row = 1; row <= 4; row++) {
			statements.from("PetLookup.java:3").ran("SELECT name FROM pet WHERE id = ?", 1, row);
			statements.from("OwnerLookup.java:4").ran(owners, 1, row);
		}
		statements.from("TagLoader.java:7")
			.ran(tags, 2, (Object) new Long[] { 1L, 2L })
			.ran(tags, 2, (Object) new Long[] { 3L, 4L });
		RequestReport report = report(statements);
		NPlusOneProperties strict = new NPlusOneProperties();
		strict.setStrict(true);
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), strict, SqlRuleScope.EVERY_REQUEST);
		List<Finding> findings = diagnostics.findings(report);

		Document panel = Jsoup.parse(
				this.renderer.panel(diagnostics.panel(report, findings, diagnostics.violations(report, findings)), ""));

		assertThat(panel.select("#sql-panel").attr("data-nplusone")).isEqualTo("1");
		assertThat(panel.select(".findings li.finding-loop")).singleElement().satisfies((loop) -> {
			assertThat(loop.select("strong").first().text()).isEqualTo("loop · 2 statements × 4 rows = 8 statements");
			assertThat(loop.select(".finding-member .muted").eachText())
				.containsExactly("PetLookup.java:3, 4 statements", "OwnerLookup.java:4, 4 statements");
			assertThat(loop.select(".finding-source").text()).isEqualTo("for the 4 rows of #1");
		});
		assertThat(panel.select(".findings li.finding-batch_plus_one")).singleElement().satisfies((batches) -> {
			assertThat(batches.select("strong").first().text()).isEqualTo("batch+1 · 2 batches of 2 keys");
			assertThat(batches.text()).contains("from TagLoader.java:7, ", " ms, 4 keys");
		});
		assertThat(panel.select(".violations li")).singleElement()
			.satisfies((rule) -> assertThat(rule.text())
				.isEqualTo("N_PLUS_ONE finding 1, the loop from PetLookup.java:3"));
	}

	@Test
	void aFindingOnAColumnNoIndexLeadsShowsTheHintAndTheIndexToCreate() {
		RequestReport report = report(
				new RecordedStatements().ran(OWNERS, 3).ran(PETS, 1, 1L).ran(PETS, 1, 2L).ran(PETS, 1, 3L));
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), new NPlusOneProperties(),
				SqlRuleScope.EVERY_REQUEST);
		List<Finding> findings = diagnostics.findings(report)
			.stream()
			.map((finding) -> finding
				.withIndexHint(new IndexHint("pet", "owner_id", "CREATE INDEX pet_owner_id_idx ON pet (owner_id)")))
			.toList();

		Document panel = Jsoup.parse(this.renderer.panel(diagnostics.panel(report, findings, List.of()), ""));

		assertThat(panel.select(".findings li .index-hint")).singleElement()
			.satisfies((hint) -> assertThat(hint.text()).isEqualTo(
					"no index on pet.owner_id: each of the 3 lookups scans the table: CREATE INDEX pet_owner_id_idx ON pet (owner_id)"));
		assertThat(Jsoup.parse(this.renderer.panel(diagnostics.panel(report), "")).select(".index-hint")).isEmpty();
	}

	@Test
	void withoutStrictModeOrAScopeOfTheApplicationsAnNPlusOneBreaksNoRule() {
		RequestReport report = report(new RecordedStatements().ran(OWNERS, 2).ran(PETS, 1, 1L).ran(PETS, 1, 2L));
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), new NPlusOneProperties(),
				SqlRuleScope.EVERY_REQUEST);
		SqlDiagnostics scoped = new SqlDiagnostics(new NPlusOneDetector(), new NPlusOneProperties(), (request) -> true);

		assertThat(diagnostics.violations(report, diagnostics.findings(report))).isEmpty();
		assertThat(scoped.violations(report, scoped.findings(report))).singleElement()
			.extracting(Violation::rule)
			.isEqualTo(Violation.Rule.N_PLUS_ONE);
	}

	/**
	 * A page that loads others (a comparison, say) runs few statements itself: the panel
	 * says what the requests it made ran, apart from its own count.
	 */
	@Test
	void thePanelSaysWhatTheRequestsAPageMadeRanApartFromItsOwnCount() {
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), new NPlusOneProperties(),
				SqlRuleScope.EVERY_REQUEST);
		RequestReport none = report(new RecordedStatements());
		SqlDiagnostics.SubRequests two = new SqlDiagnostics.SubRequests(2, 342, Duration.ofMillis(12));

		Document panel = Jsoup.parse(this.renderer.panel(diagnostics.panel(none, List.of(), List.of(), two), "")
				+ this.renderer.body(diagnostics.panel(report(new RecordedStatements().ran(OWNERS, 1)), List.of(),
						List.of(), new SqlDiagnostics.SubRequests(1, 1, Duration.ofMillis(1))), ""));

		assertThat(panel.select("#sql-panel").attr("data-statements")).isEqualTo("0");
		assertThat(panel.select("#sql-panel").attr("data-sub-requests")).isEqualTo("2");
		assertThat(panel.select("#sql-panel").attr("data-sub-statements")).isEqualTo("342");
		assertThat(panel.select("#sql-panel > summary").text())
			.startsWith("0 statements here 342 in 2 requests it made");
		assertThat(panel.select("#sql-panel .sql-all > p.hint").eachText()).startsWith(
				"This request ran no SQL of its own.",
				"The 2 requests it made to this application ran 342 statements in 12.00 ms, counted for them, not here.");
		assertThat(panel.select("nplusone-report p.sql-sub").text()).isEqualTo(
				"The 1 request it made to this application ran 1 statement in 1.00 ms, counted for them, not here.");
	}

	@Test
	void aPageThatMadeNoRequestSaysNothingOfThem() {
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), new NPlusOneProperties(),
				SqlRuleScope.EVERY_REQUEST);

		Document panel = Jsoup.parse(this.renderer
			.panel(diagnostics.panel(report(new RecordedStatements().ran(OWNERS, 1)), List.of(), List.of()), ""));

		assertThat(panel.select("#sql-panel").attr("data-sub-requests")).isEqualTo("0");
		assertThat(panel.select("#sql-panel > summary .sql-count").text()).isEqualTo("1 statement");
		assertThat(panel.select(".sql-sub")).isEmpty();
	}

	/**
	 * Each query's share of the request's SQL time, as text and as a bar whose width is a
	 * class: rounded to steps of 5, a sliver for a share under 2.5%, none for no time.
	 */
	@Test
	void eachQueryAndStatementShowsItsShareOfTheSqlTimeAsABarAndAsText() {
		RequestReport report = new RecordedStatements().taking(Duration.ofMillis(6))
			.ran(OWNERS, 3)
			.taking(Duration.ofMillis(1))
			.ran(PETS, 1, 1L)
			.ran(PETS, 1, 2L)
			.ran(PETS, 1, 3L)
			.taking(Duration.ofMillis(3))
			.ran("SELECT name FROM vet", 1)
			.taking(Duration.ofNanos(70_000))
			.ran("SELECT name FROM specialty", 1)
			.taking(Duration.ZERO)
			.ran("SELECT id FROM visit", 1)
			.report();

		Document panel = panel(report);

		// 12.07 ms in all: 6 ms is 49.7%, 3 ms 24.9%, 0.07 ms 0.58%.
		assertThat(panel.select(".sql-groups tbody tr"))
			.extracting((row) -> row.select(".share").text(), (row) -> row.select(".share .bar").attr("class"))
			.containsExactly(tuple("25% of the SQL time", "bar w25"), tuple("50% of the SQL time", "bar w50"),
					tuple("25% of the SQL time", "bar w25"), tuple("<1% of the SQL time", "bar w1"),
					tuple("0% of the SQL time", "bar w0"));
		assertThat(panel.select(".sql-lines > li .share .bar").eachAttr("class")).containsExactly("bar w50", "bar w10",
				"bar w10", "bar w10", "bar w25", "bar w1", "bar w0");
		assertThat(panel.select(".sql-lines > li").get(1).select(".share").text()).isEqualTo("8% of the SQL time");
		assertThat(panel.select(".share .bar"))
			.allSatisfy((bar) -> assertThat(bar.attr("aria-hidden")).isEqualTo("true"));
		assertThat(panel.select(".share .visually-hidden").first().text()).isEqualTo("of the SQL time");
	}

	/**
	 * Every query, not only the repeated ones, is shown a clause per line; the list of
	 * statements keeps each text as the driver received it.
	 */
	@Test
	void everyQueryIsLaidOutAClausePerLineAndTheListKeepsTheTextAsItRan() {
		String books = "SELECT b.id, b.title FROM book b JOIN author a ON a.id = b.author_id WHERE a.name = 'FROM x'";
		RequestReport report = new RecordedStatements().ran(books, 2).ran(OWNERS, 1).report();

		Document panel = panel(report);

		assertThat(panel.select(".sql-groups pre.sql")).extracting(Element::wholeText)
			.containsExactly("SELECT b.id, b.title\nFROM book b\nJOIN author a ON a.id = b.author_id\n"
					+ "WHERE a.name = 'FROM x'", "SELECT id\nFROM owner");
		assertThat(panel.select(".sql-lines pre.sql")).extracting(Element::wholeText).containsExactly(books, OWNERS);
		assertThat(panel.select(".sql-queries h2").text()).isEqualTo("Queries (2)");
	}

	/**
	 * A query's stacks, each once with its runs, and the view that was rendering: named
	 * when its name is known, in the list of statements too.
	 */
	@Test
	void eachQueryShowsTheStacksThatRanItAndTheViewThatWasRendering() {
		RequestReport report = new RecordedStatements().calledBy("OwnerController.java:20", "OwnerPage.java:4")
			.ran(OWNERS, 5)
			.ran(PETS, 1, 1L)
			.ran(PETS, 1, 2L)
			.calledBy("OwnerController.java:31")
			.ran(PETS, 1, 3L)
			.from("OwnerSummary.java:15")
			.calledBy()
			.rendering("owners/list")
			.ran(PETS, 1, 4L)
			.rendering(null)
			.ran(PETS, 1, 5L)
			.ran("SELECT name FROM vet", 2)
			.report();

		Document panel = panel(report);

		// Another line above the call site, another view, or none: another stack.
		Element pets = panel.select(".sql-groups tbody tr").get(0);
		assertThat(pets.select(".stack > summary").text()).isEqualTo("4 stacks");
		assertThat(pets.select(".stack-entry"))
			.extracting((entry) -> entry.select(".muted").text(), (entry) -> entry.select(".stack-view").text(),
					(entry) -> entry.select(".stack-lines li").eachText())
			.containsExactly(
					tuple("2 runs", "", List.of("OwnerSummary.java:9", "OwnerController.java:20", "OwnerPage.java:4")),
					tuple("1 run", "", List.of("OwnerSummary.java:9", "OwnerController.java:31")),
					tuple("1 run", "while the view owners/list rendered", List.of("OwnerSummary.java:15")),
					tuple("1 run", "while the view rendered", List.of("OwnerSummary.java:15")));
		Element owners = panel.select(".sql-groups tbody tr").get(1);
		assertThat(owners.select(".stack > summary").text()).isEqualTo("stack");
		assertThat(owners.select(".stack-entry .muted")).isEmpty();
		assertThat(panel.select(".sql-groups tbody tr").get(2).select(".stack-view").text())
			.isEqualTo("while the view rendered");
		assertThat(panel.select(".sql-lines .badge.view").eachText()).containsExactly("from the view owners/list",
				"from the view", "from the view");
	}

	private Document panel(RequestReport report) {
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), new NPlusOneProperties(),
				SqlRuleScope.EVERY_REQUEST);
		return Jsoup.parse(this.renderer.panel(diagnostics.panel(report, List.of(), List.of()), ""));
	}

	private List<String> explainLinks(Database database) {
		RequestReport report = report(new RecordedStatements().on(database)
			.ran(OWNERS, 2)
			.ran("UPDATE owner SET name = ?", 0, "x")
			.ran("SELECT name FROM pet", 2));
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), new NPlusOneProperties(),
				SqlRuleScope.EVERY_REQUEST);
		Document panel = Jsoup.parse(this.renderer.panel(diagnostics.panel(report, List.of(), List.of()), ""));
		return panel.select("a.explain").eachAttr("href");
	}

	/** A completed report of these statements. */
	private static RequestReport report(RecordedStatements statements) {
		return statements.report();
	}

	/**
	 * The panel's numbers read exactly as {@code String.format} would write them, for
	 * halves, values that only look like halves in binary, thousands and millions.
	 */
	@Test
	void decimalsReadAsTheFormatterWritesThem() {
		Random random = new Random(7);
		List<Double> values = new ArrayList<>(List.of(0.0, 0.0005, 0.0015, 0.125, 0.375, 1.005, 2.675, 999.9995, 999.5,
				1000.0, 1234.5678, 99999.99951, 1234567.891, 1.0E-7, 12.3456789012345, 5e15));
		for (int i = 0; i < 2000; i++) {
			values.add(Math.pow(10, random.nextInt(9) - 3) * random.nextDouble());
			values.add(random.nextInt(100000) / 1000.0 + 0.0005);
		}
		for (double value : values) {
			for (int decimals = 0; decimals <= 3; decimals++) {
				assertThat(SqlPanelRenderer.decimal(value, decimals, true)).as("%s, %d decimals", value, decimals)
					.isEqualTo(String.format(Locale.ROOT, "%,." + decimals + "f", value));
				assertThat(SqlPanelRenderer.decimal(value, decimals, false)).as("%s, %d decimals", value, decimals)
					.isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
			}
		}
	}

}
