package com.example.vets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.json.JsonContent;

import dev.nplusonelab.diagnostics.NPlusOneProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as its developer would meet the diagnostics: over HTTP, in the headers and
 * under {@code /manage/sqlrequests}, on a real MariaDB spoken to in MySQL's dialect.
 * Every finding expected here is worked out from the sample's code and the starter's
 * rules, with its line found by the text of that line. The pool holds one connection, so
 * that a test can read what the server counted for the session its request ran on
 * ({@link SessionInserts}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.hikari.maximum-pool-size=1")
@Import(MariaDbConfiguration.class)
class VetClinicPagesTests {

	static final String VETS = """
			[{"id":1,"name":"James Carter","specialties":[]},\
			{"id":2,"name":"Helen Leary","specialties":["radiology"]},\
			{"id":3,"name":"Linda Douglas","specialties":["dentistry","surgery"]},\
			{"id":4,"name":"Rafael Ortega","specialties":["surgery"]}]""";

	static final String VETS_FIX = "load Vet.specialties for all Vet aggregates at once by its back-reference "
			+ "vet_specialty.vet, not with each aggregate (SELECT … FROM vet_specialty WHERE vet IN (:ids))";

	private static final String PETS_FIX = "load the Pet aggregates that Visit.pet refers to for all rows at once "
			+ "(findAllById with the collected ids)";

	private static final String TYPES_FIX = "load the PetType aggregates of all rows at once, with the collected ids "
			+ "(findAllById(ids))";

	private static final String OWNERS_FIX = "load the Owner aggregates of all rows at once, with the collected ids "
			+ "(findAllById(ids))";

	/** The loop's fix: its members' own, numbered, in the order each visit runs them. */
	private static final String LOOP_FIX = "load what the loop looks up for all of the 4 rows of #1 at once, 3 "
			+ "statements instead of 12, or read them with the list in one @Query that joins their tables into a read "
			+ "model; 1) pet: load the Pet aggregates that Visit.pet refers to for all rows at once; 2) pet_type: load "
			+ "the PetType aggregates of all rows at once, with the collected ids; 3) owner: load the Owner aggregates "
			+ "of all rows at once, with the collected ids (1) findAllById with the collected ids; 2) findAllById(ids); "
			+ "3) findAllById(ids))";

	private static final String CACHED_LOOP_FIX = "load what the loop looks up for all of the 4 rows of #1 at once, "
			+ "2 statements instead of 8, or read them with the list in one @Query that joins their tables into a read "
			+ "model; 1) pet: load the Pet aggregates that Visit.pet refers to for all rows at once; 2) owner: load "
			+ "the Owner aggregates of all rows at once, with the collected ids (1) findAllById with the collected "
			+ "ids; 2) findAllById(ids))";

	private static final String REUSE_FIX = "reuse the first answer instead of asking again "
			+ "(pass the first result on to the other line, or cache it with @Cacheable)";

	static final String SAVE_ALL_FIX = "save the aggregates together: saveAll sends their statements as batches; "
			+ "MySQL's Connector/J sends a batch one statement at a time unless the JDBC URL has "
			+ "rewriteBatchedStatements=true (repository.saveAll(aggregates), with rewriteBatchedStatements=true on the "
			+ "JDBC URL)";

	static final String INSERT_VISIT = "INSERT INTO `visit` (`description`, `pet`, `visit_date`) VALUES (?, ?, ?)";

	private static final String VETS_LINE = SampleHttp.line("VetController.java", "this.vets.findAll()");

	private static final String PETS_LINE = SampleHttp.line("VisitList.java", "this.pets.findById(");

	private static final String TYPES_LINE = SampleHttp.line("VisitController.java", "this.types.findById(type)");

	private static final String CACHED_TYPES_LINE = SampleHttp.line("PetTypeNames.java", "this.types.findById(id)");

	private static final String OWNERS_LINE = SampleHttp.line("VisitList.java", "this.owners.findById(");

	private static final String MODEL_ATTRIBUTE_LINE = SampleHttp.line("OwnerController.java",
			"return this.owners.findById(id)");

	private static final String HANDLER_LINE = SampleHttp.line("OwnerController.java",
			"Owner owner = this.owners.findById(id)");

	private static final String SAVE_LINE = SampleHttp.line("VisitBookingController.java", "this.visits.save(visit)");

	@LocalServerPort
	private int port;

	@Autowired
	private CacheManager caches;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private NPlusOneProperties diagnostics;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
		// A cold cache in every test: the cached page's first request reads each
		// type once
		this.caches.getCache("petTypeNames").clear();
	}

	@AfterEach
	void cancelBookedVisits() {
		// data.sql's visits are 1 to 4: the visit list is those four again for the
		// next test
		this.jdbc.sql("DELETE FROM visit WHERE id > 4").update();
	}

	@Test
	void everyPageReportsTheFindingsItsCodeCausesAndNoOther() {
		int threshold = this.diagnostics.getWrites().getUnbatchedThreshold();

		// Spring Data JDBC reads each vet's specialties on its own; the batched page
		// reads them for all vets at once, as the fix says
		assertPage("GET /vets", this.http.get("/vets"), 6, nPlusOne(VETS_LINE, 4, 4, VETS_FIX));
		assertPage("GET /vets/batched", this.http.get("/vets/batched"), 3);
		// Three lookups per visit, one loop: its lines and the visits it went round
		assertPage("GET /visits", this.http.get("/visits"), 13,
				loop(List.of(PETS_LINE + " (4×)", TYPES_LINE + " (4×)", OWNERS_LINE + " (4×)"), 4, LOOP_FIX));
		// The type read once, from the cache's miss: no longer one per visit, and no
		// longer in the loop
		assertPage("GET /visits/cached", this.http.get("/visits/cached"), 10,
				loop(List.of(PETS_LINE + " (4×)", OWNERS_LINE + " (4×)"), 4, CACHED_LOOP_FIX));
		assertPage("GET /owners/3", this.http.get("/owners/{id}", 3), 3,
				duplicate(List.of(MODEL_ATTRIBUTE_LINE + " (1×)", HANDLER_LINE + " (1×)"), 2, 1, REUSE_FIX));
		assertPage("GET /owners/99", this.http.get("/owners/{id}", 99), 1);
		assertPage("POST /visits below the threshold", this.http.post("/visits?pet=3&count={n}", threshold - 1),
				threshold - 1);
		assertPage("POST /visits at the threshold", this.http.post("/visits?pet=3&count={n}", threshold), threshold,
				unbatchedWrites(SAVE_LINE, threshold, SAVE_ALL_FIX));
		assertPage("POST /visits/batched", this.http.post("/visits/batched?pet=3&count={n}", threshold), 1);
		assertPage("GET /boom", this.http.get("/boom"), 1);
	}

	@Test
	void theBatchedVetsPageAnswersAsTheVetsPageInThreeStatementsWithNoFinding() {
		ResponseEntity<String> naive = this.http.get("/vets");
		ResponseEntity<String> batched = this.http.get("/vets/batched");

		assertThat(batched.getBody()).isEqualTo(naive.getBody()).isEqualTo(VETS);
		assertThat(naive.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("6");
		// The vets, the specialties they hold, the specialties' names
		assertThat(batched.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("3");
		JsonContent report = this.http.report(batched);
		assertThat(report).extractingPath("$.statements[*].sql")
			.asArray()
			.containsExactly("SELECT id, name FROM vet",
					"SELECT vet, specialty FROM vet_specialty WHERE vet IN (?, ?, ?, ?)",
					"SELECT `specialty`.`id` AS `id`, `specialty`.`name` AS `name` FROM `specialty`");
		// JdbcClient expanded :ids to one placeholder per vet, bound once
		assertThat(report).extractingPath("$.statements[1].parameters")
			.asArray()
			.containsExactly(List.of("1", "2", "3", "4"));
		assertThat(report).extractingPath("$.statements[*].issuer")
			.asArray()
			.containsExactly("jdbc", "jdbc", "spring_data_jdbc");
		assertThat(report).extractingPath("$.findings").asArray().isEmpty();
		assertThat(report).extractingPath("$.violations").asArray().isEmpty();
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(0);
	}

	@Test
	void anUnknownOwnerIsA404ThatCarriesTheCountAndAReportId() {
		ResponseEntity<String> unknown = this.http.get("/owners/{id}", 99);

		// Spring MVC answers the ResponseStatusException with sendError: the starter
		// holds it until the report is complete, so the error page gets the headers
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getBody()).contains("\"status\":404", "\"path\":\"/owners/99\"");
		assertThat(unknown.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
		// Its desc reads "1 statements": a plural the starter gets wrong, not pinned here
		assertThat(unknown.getHeaders().getFirst("Server-Timing")).startsWith("sql;dur=");
		String id = unknown.getHeaders().getFirst("X-Sql-Report");
		assertThat(id).isNotNull();
		JsonContent report = this.http.json("/manage/sqlrequests/{id}", id);
		assertThat(report).extractingPath("$.summary.status").isEqualTo(404);
		assertThat(report).extractingPath("$.summary.route").isEqualTo("/owners/{id}");
		assertThat(report).extractingPath("$.path").isEqualTo("/owners/99");
		// Only the model attribute's lookup ran: the handler never did
		assertThat(report).extractingPath("$.statements[*].callSite").asArray().containsExactly(MODEL_ATTRIBUTE_LINE);
		assertThat(report).extractingPath("$.statements[0].parameters").asArray().containsExactly(List.of("99"));
		assertThat(report).extractingPath("$.findings").asArray().isEmpty();
	}

	@Test
	void anOwnerReadByItsModelAttributeAndAgainByTheHandlerIsOneDuplicateNamingBothLines() {
		ResponseEntity<String> owner = this.http.get("/owners/{id}", 3);

		assertThat(owner.getBody())
			.isEqualTo("{\"id\":3,\"name\":\"Eduardo Rodriquez\",\"pets\":[\"Jewel\",\"Rosy\"]}");
		// The owner twice, then its pets
		assertThat(owner.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("3");
		JsonContent report = this.http.report(owner);
		assertThat(report).extractingPath("$.summary.route").isEqualTo("/owners/{id}");
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(0);
		assertThat(report).extractingPath("$.findings[*].kind").asArray().containsExactly("duplicate");
		assertThat(report).extractingPath("$.findings[0].sites[*].callSite")
			.asArray()
			.containsExactly(MODEL_ATTRIBUTE_LINE, HANDLER_LINE);
		assertThat(report).extractingPath("$.findings[0].sites[*].runs").asArray().containsExactly(1, 1);
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("duplicate: the same statement with the same values ran 2 times, from " + MODEL_ATTRIBUTE_LINE
					+ " (1×), " + HANDLER_LINE + " (1×), ")
			.endsWith(" ms: SELECT `owner`.`id` AS `id`, `owner`.`name` AS `name` FROM `owner` WHERE `owner`.`id` = ?. "
					+ "Fix: " + REUSE_FIX);
		assertThat(report).extractingPath("$.findings[0].fix.code")
			.isEqualTo("pass the first result on to the other line, or cache it with @Cacheable");
	}

	@Test
	void threeLookupsPerVisitAreOneLoopThatListsEachWithItsDistinctKeysAndCountsAsOneNPlusOne() {
		ResponseEntity<String> visits = this.http.get("/visits");

		assertThat(visits.getBody()).contains("""
				{"id":1,"date":"2013-01-01","description":"rabies shot","pet":"Rosy","type":"dog",\
				"owner":"Eduardo Rodriquez"}""");
		JsonContent report = this.http.report(visits);
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(1);
		assertThat(report).extractingPath("$.findings[*].kind").asArray().containsExactly("loop");
		assertThat(report).extractingPath("$.findings[0].members[*].kind")
			.asArray()
			.containsExactly("n_plus_one", "n_plus_one", "n_plus_one");
		assertThat(report).extractingPath("$.findings[0].members[*].sites[*].callSite")
			.asArray()
			.containsExactly(PETS_LINE, TYPES_LINE, OWNERS_LINE);
		assertThat(report).extractingPath("$.findings[0].members[*].fix.text")
			.asArray()
			.containsExactly(PETS_FIX, TYPES_FIX, OWNERS_FIX);
		// Two dogs of two owners, visited twice each: every lookup repeats its keys
		assertThat(report).extractingPath("$.findings[0].members[*].distinct").asArray().containsExactly(2, 1, 2);
		assertThat(report).extractingPath("$.findings[0].members[0].message")
			.asString()
			.startsWith("potential N+1: 4 statements from " + PETS_LINE + " for the 4 rows of #1 (")
			.contains(", 2 distinct keys, ");
		// Issued for the visit list, the first statement; the loop runs from the
		// controller's line, which the lookups of the pets and owners came through and
		// where the type's lambda is
		assertThat(report).extractingPath("$.findings[0].source").isEqualTo(1);
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("loop: 3 statements × 4 rows = 12 statements from " + TYPES_LINE + ", over the 4 rows of #1 (")
			.contains(" FROM `pet` WHERE `pet`.`id` = ? from " + PETS_LINE + "; ",
					" FROM `pet_type` WHERE `pet_type`.`id` = ? from " + TYPES_LINE + "; ",
					" FROM `owner` WHERE `owner`.`id` = ? from " + OWNERS_LINE + ". Fix: ")
			.endsWith(LOOP_FIX);
	}

	@Test
	void theFixesSpeakSpringDataJdbcAndBindTheKeysInAnInListOnMariaDb() {
		JsonContent vets = this.http.report(this.http.get("/vets"));
		JsonContent visits = this.http.report(this.http.get("/visits"));

		assertThat(vets).extractingPath("$.statements[*].issuer").asArray().containsOnly("spring_data_jdbc");
		assertThat(vets).extractingPath("$.findings[0].fix.summary")
			.isEqualTo("load Vet.specialties for all Vet aggregates at once by its back-reference "
					+ "vet_specialty.vet, not with each aggregate");
		assertThat(vets).extractingPath("$.findings[0].fix.code")
			.isEqualTo("SELECT … FROM vet_specialty WHERE vet IN (:ids)");
		assertThat(vets).extractingPath("$.findings[0].fix.text").isEqualTo(VETS_FIX);
		assertThat(visits).extractingPath("$.statements[*].issuer").asArray().containsOnly("spring_data_jdbc");
		assertThat(visits).extractingPath("$.findings[0].members[*].fix.code")
			.asArray()
			.containsExactly("findAllById with the collected ids", "findAllById(ids)", "findAllById(ids)");
		for (JsonContent report : List.of(vets, visits)) {
			assertThat(report).extractingPath("$.findings[*].fix.text")
				.asArray()
				.allSatisfy((fix) -> assertThat(fix).asString()
					.doesNotContain("ANY(?)", "JOIN FETCH", "JPQL", "@EntityGraph", "jdbcTemplate", "JdbcClient"));
		}
	}

	@Test
	void backtickQuotedStatementsAreReadAsTheTablesAndColumnsTheMappingNames() {
		ResponseEntity<String> vets = this.http.get("/vets");

		assertThat(vets.getBody()).isEqualTo(VETS);
		JsonContent report = this.http.report(vets);
		assertThat(report).extractingPath("$.statements[0].sql")
			.isEqualTo("SELECT `vet`.`id` AS `id`, `vet`.`name` AS `name` FROM `vet`");
		assertThat(report).extractingPath("$.findings[0].sql")
			.isEqualTo("SELECT `vet_specialty`.`specialty` AS `specialty` FROM `vet_specialty` "
					+ "WHERE `vet_specialty`.`vet` = ?");
		// The vets' list is the source, through the mapping's Vet.specialties
		assertThat(report).extractingPath("$.findings[0].source").isEqualTo(1);
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("potential N+1: 4 statements from " + VETS_LINE + " for the 4 rows of #1 (");
		assertThat(report).extractingPath("$.findings[0].fix.summary")
			.asString()
			.contains("Vet.specialties", "vet_specialty.vet");
		// Connector/J names the server MySQL; the report names it as a person would
		assertThat(report).extractingPath("$.statements[*].database").asArray().hasSize(6).containsOnly("MariaDB");
	}

	@Test
	void writesBelowTheThresholdAreNoFindingAndNeverAPotentialNPlusOne() {
		int below = this.diagnostics.getWrites().getUnbatchedThreshold() - 1;

		ResponseEntity<String> booked = this.http.post("/visits?pet=3&count={n}", below);

		assertThat(booked.getStatusCode().value()).isEqualTo(302);
		assertThat(booked.getHeaders().getFirst("X-Sql-Statements")).isEqualTo(String.valueOf(below));
		JsonContent report = this.http.report(booked);
		assertThat(report).extractingPath("$.statements[*].sql").asArray().hasSize(below).containsOnly(INSERT_VISIT);
		assertThat(report).extractingPath("$.findings").asArray().isEmpty();
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(0);
	}

	@Test
	void writesAtTheThresholdAreUnbatchedWritesNamingSaveAllAndNoPotentialNPlusOne() {
		int threshold = this.diagnostics.getWrites().getUnbatchedThreshold();
		SessionInserts before = SessionInserts.of(this.jdbcTemplate);

		JsonContent report = this.http.report(this.http.post("/visits?pet=3&count={n}", threshold));

		assertThat(report).extractingPath("$.findings[*].kind").asArray().containsExactly("unbatched_writes");
		assertThat(report).extractingPath("$.findings[0].sites[*].callSite").asArray().containsExactly(SAVE_LINE);
		assertThat(report).extractingPath("$.findings[0].count").isEqualTo(threshold);
		assertThat(report).extractingPath("$.findings[0].fix.text").isEqualTo(SAVE_ALL_FIX);
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(0);
		assertThat(report).extractingPath("$.violations").asArray().isEmpty();
		assertThat(SessionInserts.of(this.jdbcTemplate).since(before)).isEqualTo(threshold);
	}

	@Test
	void saveAllSendsTheVisitsAsOneJdbcBatchWithNoFinding() {
		int threshold = this.diagnostics.getWrites().getUnbatchedThreshold();
		SessionInserts before = SessionInserts.of(this.jdbcTemplate);

		ResponseEntity<String> booked = this.http.post("/visits/batched?pet=3&count={n}", threshold);

		assertThat(booked.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
		JsonContent report = this.http.report(booked);
		assertThat(report).extractingPath("$.statements[0].sql").isEqualTo(INSERT_VISIT);
		// One execution carrying a parameter set per visit
		assertThat(report).extractingPath("$.statements[0].parameters").asArray().hasSize(threshold);
		assertThat(report).extractingPath("$.findings").asArray().isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM visit WHERE pet = 3").query(Long.class).single())
			.isEqualTo(2 + threshold);
		// Without rewriteBatchedStatements=true on the URL, Connector/J sent the batch's
		// INSERTs to the server one by one (RewrittenBatchTests has it on)
		assertThat(SessionInserts.of(this.jdbcTemplate).since(before)).isEqualTo(threshold);
	}

	@Test
	void explainOnMariaDbRunsAnalyzeAndAnswersWithItsTable() {
		String id = this.http.get("/vets").getHeaders().getFirst("X-Sql-Report");

		// The second statement: the specialties of the first vet
		JsonContent explained = this.http.json("/manage/sqlrequests/{id}/{index}", id, 2);

		assertThat(explained).extractingPath("$.supported").isEqualTo(true);
		assertThat(explained).extractingPath("$.database").isEqualTo("MariaDB");
		assertThat(explained).extractingPath("$.message").isNull();
		assertThat(explained).extractingPath("$.sql")
			.isEqualTo("SELECT `vet_specialty`.`specialty` AS `specialty` FROM `vet_specialty` "
					+ "WHERE `vet_specialty`.`vet` = ?");
		assertThat(explained).extractingPath("$.plan[0]")
			.asString()
			.startsWith("id  select_type  table")
			.contains("  rows  r_rows  filtered  r_filtered  Extra");
		assertThat(explained).extractingPath("$.plan[1]").asString().contains("SIMPLE", "vet_specialty", "PRIMARY");
	}

	@Test
	void explainRefusesAWrite() {
		String id = this.http.post("/visits?pet=3&count=1").getHeaders().getFirst("X-Sql-Report");

		ResponseEntity<String> explained = this.http.get("/manage/sqlrequests/{id}/{index}", id, 1);

		assertThat(explained.getStatusCode().value()).isEqualTo(400);
		assertThat(this.http.json("/manage/sqlrequests/{id}", id)).extractingPath("$.statements[0].sql")
			.asString()
			.startsWith("INSERT INTO `visit`");
	}

	@Test
	void theHistoryLeavesOutTheManagementEndpoints() {
		String vets = this.http.get("/vets").getHeaders().getFirst("X-Sql-Report");
		ResponseEntity<String> health = this.http.get("/manage/health");

		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getHeaders().get("X-Sql-Report")).isNull();
		JsonContent history = this.http.json("/manage/sqlrequests?limit=1000");
		assertThat(history).extractingPath("$.requests[*].route")
			.asArray()
			.contains("/vets")
			.noneSatisfy((route) -> assertThat(route).asString().startsWith("/manage"));
		assertThat(history).extractingPath("$.requests[0].id").isEqualTo(Integer.valueOf(vets));
	}

	@Test
	void anUnhandledExceptionIsRecordedWithTheContainersStatus() {
		ResponseEntity<String> boom = this.http.get("/boom");

		assertThat(boom.getStatusCode().value()).isEqualTo(500);
		String id = boom.getHeaders().getFirst("X-Sql-Report");
		JsonContent history = this.http.json("/manage/sqlrequests");
		assertThat(history).extractingPath("$.requests[?(@.id == " + id + ")].status").asArray().containsExactly(500);
		assertThat(history).extractingPath("$.requests[?(@.id == " + id + ")].route")
			.asArray()
			.containsExactly("/boom");
		JsonContent report = this.http.json("/manage/sqlrequests/{id}", id);
		assertThat(report).extractingPath("$.statements[*].sql")
			.asArray()
			.containsExactly("SELECT COUNT(*) FROM `vet`");
	}

	@Test
	void everyReportIdSentResolvesToItsRequest() {
		Map<String, ResponseEntity<String>> responses = new LinkedHashMap<>();
		responses.put("GET /vets", this.http.get("/vets"));
		responses.put("GET /vets/batched", this.http.get("/vets/batched"));
		responses.put("GET /visits", this.http.get("/visits"));
		responses.put("GET /visits/cached", this.http.get("/visits/cached"));
		responses.put("GET /owners/{id}", this.http.get("/owners/{id}", 3));
		responses.put("GET /owners/{id} 404", this.http.get("/owners/{id}", 99));
		responses.put("POST /visits", this.http.post("/visits?pet=3&count=2"));
		responses.put("POST /visits/batched", this.http.post("/visits/batched?pet=3&count=2"));
		responses.put("GET /boom", this.http.get("/boom"));
		responses.put("GET /manage/health", this.http.get("/manage/health"));

		List<String> resolved = new ArrayList<>();
		responses.forEach((request, response) -> {
			String id = response.getHeaders().getFirst("X-Sql-Report");
			if (id != null) {
				JsonContent report = this.http.json("/manage/sqlrequests/{id}", id);
				assertThat(report).extractingPath("$.summary.id").isEqualTo(Integer.valueOf(id));
				assertThat(request).startsWith(JsonPath.read(report.getJson(), "$.summary.method") + " "
						+ JsonPath.read(report.getJson(), "$.summary.route"));
				assertThat(report).extractingPath("$.summary.status").isEqualTo(response.getStatusCode().value());
				resolved.add(request);
			}
		});
		// All but the management endpoint, which the history leaves out
		assertThat(resolved).containsExactly("GET /vets", "GET /vets/batched", "GET /visits", "GET /visits/cached",
				"GET /owners/{id}", "GET /owners/{id} 404", "POST /visits", "POST /visits/batched", "GET /boom");
	}

	@Test
	void theRedirectAfterBookingCarriesTheCountAndServerTiming() {
		ResponseEntity<String> booked = this.http.post("/visits?pet=3&count=2");

		assertThat(booked.getStatusCode().value()).isEqualTo(302);
		assertThat(booked.getHeaders().getLocation()).hasPath("/visits");
		assertThat(booked.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("2");
		assertThat(booked.getHeaders().getFirst("Server-Timing")).startsWith("sql;dur=")
			.endsWith(";desc=\"2 statements\"");
		assertThat(this.http.report(booked)).extractingPath("$.summary.status").isEqualTo(302);
	}

	@Test
	void theCachedPageReadsEachTypeOnceAndHasNoTypeLookupPerVisit() {
		ResponseEntity<String> naive = this.http.get("/visits");
		ResponseEntity<String> cold = this.http.get("/visits/cached");
		ResponseEntity<String> warm = this.http.get("/visits/cached");

		assertThat(naive.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("13");
		// The visits, a pet and an owner per visit, and the one type on the cache's miss
		assertThat(cold.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("10");
		assertThat(warm.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("9");
		JsonContent report = this.http.report(cold);
		assertThat(report).extractingPath("$.statements[?(@.sql =~ /.*FROM `pet_type`.*/)].callSite")
			.asArray()
			.containsExactly(CACHED_TYPES_LINE);
		assertThat(report).extractingPath("$.findings[*].sites[*].callSite")
			.asArray()
			.containsExactly(PETS_LINE, OWNERS_LINE);
		assertThat(cold.getBody()).isEqualTo(naive.getBody()).isEqualTo(warm.getBody());
	}

	private void assertPage(String page, ResponseEntity<String> response, int statements, Expected... findings) {
		assertThat(response.getHeaders().getFirst("X-Sql-Statements")).as(page + ": statements")
			.isEqualTo(String.valueOf(statements));
		String json = this.http.report(response).getJson();
		assertThat((Integer) JsonPath.read(json, "$.summary.status")).as(page + ": status")
			.isEqualTo(response.getStatusCode().value());
		List<String> kinds = JsonPath.read(json, "$.findings[*].kind");
		assertThat(kinds).as(page + ": " + JsonPath.read(json, "$.findings[*].message")).hasSameSizeAs(findings);
		for (int i = 0; i < findings.length; i++) {
			findings[i].assertMatches(page + ", finding " + (i + 1), json, "$.findings[" + i + "]");
		}
		// A potential N+1 breaks no rule unless strict mode or a rule scope asks
		List<String> violations = JsonPath.read(json, "$.violations[*].message");
		assertThat(violations).as(page + ": broken rules").isEmpty();
	}

	private static Expected nPlusOne(String line, int count, int distinct, String fix) {
		return new Expected("n_plus_one", List.of(line + " (" + count + "×)"), count, distinct, fix);
	}

	private static Expected loop(List<String> sites, int rows, String fix) {
		return new Expected("loop", sites, sites.size() * rows, rows, fix);
	}

	private static Expected duplicate(List<String> sites, int count, int distinct, String fix) {
		return new Expected("duplicate", sites, count, distinct, fix);
	}

	private static Expected unbatchedWrites(String line, int count, String fix) {
		return new Expected("unbatched_writes", List.of(line + " (" + count + "×)"), count, count, fix);
	}

	/**
	 * A row of the findings table: the kind, every line with its runs, the statements and
	 * their distinct keys (or, for a duplicate, the statements repeated), and the fix.
	 */
	private record Expected(String kind, List<String> sites, int count, int distinct, String fix) {

		void assertMatches(String finding, String json, String path) {
			List<String> callSites = JsonPath.read(json, path + ".sites[*].callSite");
			List<Integer> runs = JsonPath.read(json, path + ".sites[*].runs");
			List<String> sites = new ArrayList<>();
			for (int i = 0; i < callSites.size(); i++) {
				sites.add(callSites.get(i) + " (" + runs.get(i) + "×)");
			}
			assertThat((String) JsonPath.read(json, path + ".kind")).as(finding + ": kind").isEqualTo(this.kind);
			assertThat(sites).as(finding + ": lines").isEqualTo(this.sites);
			assertThat((Integer) JsonPath.read(json, path + ".count")).as(finding + ": count").isEqualTo(this.count);
			assertThat((Integer) JsonPath.read(json, path + ".distinct")).as(finding + ": distinct")
				.isEqualTo(this.distinct);
			assertThat((String) JsonPath.read(json, path + ".fix.text")).as(finding + ": fix").isEqualTo(this.fix);
		}

	}

}
