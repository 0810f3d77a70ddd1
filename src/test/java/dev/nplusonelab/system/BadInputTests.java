package dev.nplusonelab.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.LabTest;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class BadInputTests {

	@Autowired
	private MockMvcTester mvc;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			/books?mode=bogus          | Unknown mode
			/books?mode=NAIVE          | Unknown mode
			/books?mode=naive&mode=optimized | Send mode once
			/books?page=-1             | page must be from 0
			/books?size=0              | size must be from 1 to 500
			/books?size=100000         | size must be from 1 to 500
			/books?size=501            | size must be from 1 to 500
			/books?page=abc            | page must be a whole number
			/books?size=1e3            | size must be a whole number
			/books?page=99999999999999 | page must be a whole number
			/books?page=2000000        | page must be from 0
			/books?page=100000         | past the last page
			""")
	void badParametersGetAFriendlyBadRequestPage(String uri, String message) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();

		assertThat(result).hasStatus(400);
		assertThat(result).bodyText()
			.contains(message)
			.doesNotContain("Exception")
			.doesNotContain("at dev.nplusonelab");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			/no-such-page
			/books/extra/segments
			""")
	void unknownAddressesGetANotFoundPage(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();

		assertThat(result).hasStatus(404);
		assertThat(result).bodyText().contains("There is no page at this address");
	}

}
