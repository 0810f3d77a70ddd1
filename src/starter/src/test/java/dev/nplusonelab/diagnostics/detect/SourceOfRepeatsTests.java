package dev.nplusonelab.diagnostics.detect;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.detect.Finding.Kind;
import dev.nplusonelab.diagnostics.detect.Finding.Suggestion;

import dev.nplusonelab.diagnostics.capture.RecordedStatements;

import static dev.nplusonelab.diagnostics.capture.RecordedStatements.unseen;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which earlier statement a potential N+1 was issued for, its <em>source</em>: walking
 * back from the first repeat, the nearest that returned at least as many rows as there
 * are repeats and whose table leads to what they read (the same rows looked up by id, or
 * a relation a suggester knows); failing that, the nearest with as many rows; failing
 * that, the nearest. And whose fix is named: the application's suggesters first, in their
 * order, then the starter's that read the mapping, then the built-in one.
 * <p>
 * Texts are {@link RecordedStatements#unseen unseen}: the detector keeps what it read
 * from each text for the life of the JVM, which PIT's mutants share.
 */
class SourceOfRepeatsTests {

	private final NPlusOneDetector detector = new NPlusOneDetector();

	private final String owners = unseen("SELECT id, name FROM owner ORDER BY name");

	private final String vets = unseen("SELECT id, name FROM vet ORDER BY name");

	private final String vetCount = unseen("SELECT count(*) FROM vet");

	private final String petsOfOwner = unseen("SELECT name FROM pet WHERE owner_id = ?");

	/**
	 * Three owners for three lookups is enough; the count between them is nearer but
	 * returned one row. Mutants killed: the row comparison made strict or negated, and
	 * the statement with enough rows forgotten in favour of the nearest.
	 */
	@Test
	void aListWithExactlyAsManyRowsAsRepeatsIsTheSourcePastANearerShorterOne() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(this.owners, 3)
			.ran(this.vetCount, 1)
			.ran(this.petsOfOwner, 2, 1L)
			.ran(this.petsOfOwner, 1, 2L)
			.ran(this.petsOfOwner, 0, 3L)
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.source().index()).isEqualTo(1);
			assertThat(finding.message()).startsWith("potential N+1: 3 statements from OwnerSummary.java:9 "
					+ "for the 3 rows of #1 (SELECT id, name FROM owner ORDER BY name), ");
		});
	}

	/**
	 * No statement returned a row per repeat: the nearest one is named, as the list the
	 * loop ran after. Mutant killed: the nearest candidate never kept.
	 */
	@Test
	void withNoListLongEnoughTheNearestStatementIsTheSource() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(this.owners, 2)
			.ran(this.vetCount, 1)
			.ran(this.petsOfOwner, 2, 1L)
			.ran(this.petsOfOwner, 1, 2L)
			.ran(this.petsOfOwner, 0, 3L)
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.source().index()).isEqualTo(2);
			assertThat(finding.message())
				.startsWith("potential N+1: 3 statements from OwnerSummary.java:9 after #2 (SELECT count(*) FROM vet, "
						+ "1 row), ");
		});
	}

	/**
	 * Books looked up by id one at a time were issued for the list of books, not for the
	 * nearer list of authors, and the fix selects their columns in that list. Mutants
	 * killed: each part of "the same table, looked up by id" negated, and the lookup's
	 * plain columns not read.
	 */
	@Test
	void aLookupByIdIsIssuedForTheListOfTheSameRowsPastANearerLongerList() {
		String books = unseen("SELECT id FROM book ORDER BY title");
		String authors = unseen("SELECT id, name FROM author");
		String bookById = unseen("SELECT title, price FROM book WHERE id = ?");
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(books, 3)
			.ran(authors, 5)
			.ran(bookById, 1, 1L)
			.ran(bookById, 1, 2L)
			.ran(bookById, 1, 3L)
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.source().index()).isEqualTo(1);
			assertThat(finding.suggestion().text()).isEqualTo("select title, price in the statement that read the "
					+ "book rows (SELECT …, book.title, book.price FROM book …)");
		});
	}

	/**
	 * An application suggester that knows owners lead to pets makes the owners the source
	 * past the longer list of vets. Mutants killed: the suggester's answer ignored,
	 * negated or replaced by true or false.
	 */
	@Test
	void aRelationAnApplicationSuggesterKnowsPicksTheListPastANearerLongerOne() {
		FixSuggester ownersHavePets = new FixSuggester() {

			@Override
			public @Nullable Suggestion suggest(RepeatedLookup lookup) {
				return null;
			}

			@Override
			public boolean leadsTo(String table, RepeatedLookup lookup) {
				return table.equals("owner") && lookup.table().equals("pet");
			}

		};
		RecordedStatements statements = new RecordedStatements().ran(this.owners, 3)
			.ran(this.vets, 5)
			.ran(this.petsOfOwner, 2, 1L)
			.ran(this.petsOfOwner, 1, 2L)
			.ran(this.petsOfOwner, 0, 3L);

		assertThat(new NPlusOneDetector(List.of(ownersHavePets)).findings(statements.list())).singleElement()
			.satisfies((finding) -> assertThat(finding.source().index()).isEqualTo(1));
		assertThat(this.detector.findings(statements.list())).singleElement()
			.satisfies((finding) -> assertThat(finding.source().index()).isEqualTo(2));
	}

	/**
	 * Mutants killed: the filter that keeps the mapping suggesters for later negated or
	 * made always true, and the application's own suggesters left out.
	 */
	@Test
	void theApplicationsSuggestersAreAskedBeforeTheMappingOnesWhateverTheirOrder() {
		MappingSuggester mapping = (lookup) -> new Suggestion("join", List.of("pets"), "the mapping's fix", "mapping");
		FixSuggester application = (lookup) -> new Suggestion("load", List.of(), "the application's fix", "app");
		FixSuggester silent = (lookup) -> null;

		assertThat(fixOfPetsPerOwner(new NPlusOneDetector(List.of(mapping, application))))
			.isEqualTo("the application's fix (app)");
		assertThat(fixOfPetsPerOwner(new NPlusOneDetector(List.of(mapping, silent))))
			.isEqualTo("the mapping's fix (mapping)");
	}

	private String fixOfPetsPerOwner(NPlusOneDetector detector) {
		List<Finding> findings = detector.findings(new RecordedStatements().ran(this.owners, 3)
			.ran(this.petsOfOwner, 2, 1L)
			.ran(this.petsOfOwner, 1, 2L)
			.ran(this.petsOfOwner, 0, 3L)
			.list());
		assertThat(findings).singleElement().extracting(Finding::kind).isEqualTo(Kind.N_PLUS_ONE);
		return findings.get(0).suggestion().text();
	}

}
