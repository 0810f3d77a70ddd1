package com.example.bookshop;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.json.JsonContent;

import static com.example.bookshop.Findings.TAG_INSERT;
import static com.example.bookshop.Findings.TAG_INSERT_FIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags written one by one and in one batch: writes repeated from one line are unbatched
 * writes from the threshold on (ten by default), never an N+1, and a batch is one
 * execution. The redirect and the empty answer carry the counts like any page.
 */
@BookshopTest
class TagWritesTests {

	private static final long BOOK = 2;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port, this.managementPort);
	}

	@AfterEach
	void removeTheTags() {
		this.http.delete("/books/{id}/tags", BOOK);
	}

	@ParameterizedTest
	@ValueSource(ints = { 10, 25 })
	void tagsInsertedOneByOneFromTheThresholdOnAreUnbatchedWritesThatBatchUpdateFixes(int count) {
		ResponseEntity<String> added = this.http.post("/books/{id}/tags?count={count}", BOOK, count);

		assertThat(added.getStatusCode().value()).isEqualTo(303);
		assertThat(added.getHeaders().getFirst("X-Sql-Statements")).isEqualTo(String.valueOf(count));
		assertThat(this.http.report(added)).extractingPath("$.summary.potentialNPlusOne").isEqualTo(0);
		assertThat(this.http.findings(added)).singleElement().satisfies((finding) -> {
			assertThat(finding).containsEntry("kind", "unbatched_writes")
				.containsEntry("count", count)
				.containsEntry("sites", List.of(Map.of("callSite", TAG_INSERT, "runs", count)));
			assertThat(finding).extractingByKey("fix")
				.asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("text", TAG_INSERT_FIX);
		});
	}

	@Test
	void fewerTagsOneByOneThanTheThresholdAreNoFinding() {
		ResponseEntity<String> added = this.http.post("/books/{id}/tags?count={count}", BOOK, 9);

		assertThat(added.getStatusCode().value()).isEqualTo(303);
		assertThat(added.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("9");
		assertThat(this.http.findings(added)).isEmpty();
	}

	@Test
	void tagsSentWithBatchUpdateAreOneExecutionAndNoFinding() {
		ResponseEntity<String> added = this.http.post("/books/{id}/tags/batched?count={count}", BOOK, 25);

		assertThat(added.getStatusCode().value()).isEqualTo(303);
		assertThat(added.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
		JsonContent report = this.http.report(added);
		assertThat(report).extractingPath("$.findings").asArray().isEmpty();
		// One execution that carried every row
		assertThat(report).extractingPath("$.statements[0].parameters").asArray().hasSize(25);
		assertThat(new JsonContent(this.http.get("/books/{id}", BOOK).getBody())).extractingPath("$.book.tags")
			.asArray()
			.hasSize(25)
			.startsWith("tag-1", "tag-2");
	}

	@Test
	void theRedirectAfterAddingTagsAndTheNoContentAfterDeletingThemCarryTheCounts() {
		ResponseEntity<String> added = this.http.post("/books/{id}/tags?count={count}", BOOK, 3);

		assertThat(added.getStatusCode().value()).isEqualTo(303);
		assertThat(added.getHeaders().getLocation()).hasPath("/books/" + BOOK);
		assertThat(added.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("3");
		assertThat(added.getHeaders().getFirst("Server-Timing")).contains("desc=\"3 statements\"");

		ResponseEntity<String> deleted = this.http.delete("/books/{id}/tags", BOOK);

		assertThat(deleted.getStatusCode().value()).isEqualTo(204);
		assertThat(deleted.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
		assertThat(deleted.getHeaders().getFirst("Server-Timing")).contains("desc=\"1 statement\"");
	}

	@Test
	void tagsForABookThatDoesNotExistAreANotFound() {
		ResponseEntity<String> added = this.http.post("/books/{id}/tags?count={count}", 404, 3);

		assertThat(added.getStatusCode().value()).isEqualTo(404);
		assertThat(this.http.findings(added)).isEmpty();
	}

}
