package dev.nplusonelab.api;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ApiProblemsTests {

	private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("GET", "/api/books"),
			new MockHttpServletResponse());

	@Test
	void aWriteThatFailsBecauseThePoolHasNoConnectionIsServiceUnavailable() {
		// In naive mode Jackson loads the relations while it writes, so the pool timeout
		// arrives wrapped.
		var ex = new HttpMessageNotWritableException("Could not write JSON", new IllegalStateException(
				"Failed to getValue()", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")));

		ResponseEntity<Object> response = new ApiProblems().handleHttpMessageNotWritable(ex, new HttpHeaders(),
				HttpStatus.INTERNAL_SERVER_ERROR, this.request);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(((ProblemDetail) response.getBody()).getDetail()).contains("not answering");
	}

	@Test
	void anyOtherFailedWriteStaysAServerError() {
		var ex = new HttpMessageNotWritableException("Could not write JSON", new IllegalStateException("a bug"));

		ResponseEntity<Object> response = new ApiProblems().handleHttpMessageNotWritable(ex, new HttpHeaders(),
				HttpStatus.INTERNAL_SERVER_ERROR, this.request);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
	}

}
