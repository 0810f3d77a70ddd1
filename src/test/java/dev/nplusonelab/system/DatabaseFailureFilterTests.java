package dev.nplusonelab.system;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.thymeleaf.exceptions.TemplateProcessingException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatabaseFailureFilterTests {

	private final DatabaseFailureFilter filter = new DatabaseFailureFilter();

	@Test
	void aPoolTimeoutWhileTheViewRendersDropsThePartialPageAndAnswers503() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(new MockHttpServletRequest("GET", "/books"), response, (request, partial) -> {
			partial.getWriter().write("<table><tr><td>half a page");
			throw new ServletException("Request processing failed",
					new TemplateProcessingException(
							"Exception evaluating SpringEL expression: \"book.publisherName.get()\"",
							new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")));
		});

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentAsString()).doesNotContain("half a page");
	}

	@Test
	void anyOtherFailureIsLeftToTheErrorPage() {
		assertThatExceptionOfType(ServletException.class)
			.isThrownBy(() -> this.filter.doFilter(new MockHttpServletRequest("GET", "/books"),
					new MockHttpServletResponse(), (request, response) -> {
						throw new ServletException(new IllegalStateException("a bug"));
					}));
	}

}
