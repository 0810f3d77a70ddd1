package dev.nplusonelab.diagnostics.actuate;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.actuate.SqlRequestsEndpoint.FindingView;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a script reading {@code /actuator/sqlrequests/{id}} gets of the new kinds: a loop
 * with each of its N+1s, batch+1 with its batch size, and neither for the other kinds.
 */
class FindingViewTests {

	@Test
	void aLoopCarriesItsMembersAndBatchPlusOneItsBatchSize() {
		String tags = "SELECT tag_id FROM pet_tag WHERE pet_id = ANY(?)";
		RecordedStatements statements = new RecordedStatements().ran("SELECT id, pet_id, owner_id FROM visit", 4);
		for (long row = 1; row <= 4; row++) {
			statements.from("PetLookup.java:3").ran("SELECT name FROM pet WHERE id = ?", 1, row);
			statements.from("OwnerLookup.java:4").ran("SELECT name FROM owner WHERE id = ?", 1, row);
		}
		statements.from("TagLoader.java:7")
			.ran(tags, 2, (Object) new Long[] { 1L, 2L })
			.ran(tags, 2, (Object) new Long[] { 3L, 4L });
		List<Finding> findings = new NPlusOneDetector().findings(statements.list());

		List<FindingView> views = findings.stream().map(FindingView::of).toList();

		assertThat(views).extracting(FindingView::kind).containsExactly("loop", "batch_plus_one");
		assertThat(views.get(0).members()).extracting(FindingView::kind).containsExactly("n_plus_one", "n_plus_one");
		assertThat(views.get(0).members()).extracting((member) -> member.sites().get(0).callSite())
			.containsExactly("PetLookup.java:3", "OwnerLookup.java:4");
		assertThat(views.get(0).count()).isEqualTo(8);
		assertThat(views.get(0).distinct()).isEqualTo(4);
		assertThat(views.get(0).batchSize()).isNull();
		assertThat(views.get(1).batchSize()).isEqualTo(2);
		assertThat(views.get(1).members()).isEmpty();
		assertThat(views.get(0).members().get(0).batchSize()).isNull();
	}

}
