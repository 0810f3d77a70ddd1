package com.example.petclinic;

import java.util.List;

import com.example.petclinic.SampleHttp.Finding;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fix the visits' treatments finding names, applied as it is written:
 * Visit.treatments kept EAGER, with {@code @BatchSize(size = 10)} (put on it by
 * {@code visit-treatments-batch-size.xml}, Hibernate's mapping XML, so that the other
 * tests keep the naive mapping). The controller still reads the treatments after the
 * repository's transaction, and it can: they are loaded, ten visits' in one statement. On
 * a database of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.mapping-resources=visit-treatments-batch-size.xml",
				"spring.datasource.url=jdbc:h2:mem:visit-batch-size" })
class VisitBatchSizeTests {

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void theNaivePageLoadsTheTreatmentsOfItsTenVisitsInOneStatementAndKeepsTheOtherTwoFindings() {
		ResponseEntity<String> visits = this.http.get("/visits");

		// The page, the treatments of its ten visits at once, its eight pets and four
		// vets one by one, the count: 24 statements, less nine
		assertThat(visits.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(visits.getBody()).isEqualTo(VisitPagesTests.FIRST_PAGE);
		assertThat(visits.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("15");
		JsonContent report = this.http.report(visits);
		List<String> treatments = JsonPath.read(report.getJson(),
				"$.statements[?(@.sql =~ /.*visit_treatment.*/)].sql");
		assertThat(treatments).singleElement().asString().contains("where t1_0.visit_id in (?,?,?,?,?,?,?,?,?,?)");
		List<List<String>> keys = JsonPath.read(report.getJson(),
				"$.statements[?(@.sql =~ /.*visit_treatment.*/)].parameters[0]");
		assertThat(keys.get(0)).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
		String page = SampleHttp.line("VisitController.java", "this.visits.findAll(pageable)");
		assertThat(this.http.findings(visits)).containsExactly(
				new Finding("n_plus_one", page + " (8×)", FindingsTableTests.VISIT_PET),
				new Finding("n_plus_one", page + " (4×)", FindingsTableTests.VISIT_VET));
	}

	@Test
	void withTheLoadGraphOfThePetsAndVetsTooThePageTakesThreeStatementsAndHasNoFinding() {
		ResponseEntity<String> graph = this.http.get("/visits/with-graph");

		// The page with its pets and vets, the treatments of its ten visits, the count
		assertThat(graph.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(graph.getBody()).isEqualTo(VisitPagesTests.FIRST_PAGE);
		assertThat(graph.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("3");
		assertThat(this.http.findings(graph)).isEmpty();
	}

}
