package dev.nplusonelab.diagnostics.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.detect.SqlRuleScope;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report filter buffers a body so its headers can carry the final count, except for a
 * streamed response, whose body reaches the client as it is written.
 */
class StreamedResponseTests {

	private final NPlusOneProperties properties = new NPlusOneProperties();

	private final SqlReportFilter filter = new SqlReportFilter(new SqlCapture(100),
			new SqlDiagnostics(new NPlusOneDetector(), this.properties, SqlRuleScope.EVERY_REQUEST),
			new SqlRequestHistory(10), this.properties, new DiagnosticsAccess(this.properties),
			new SqlPanelRenderer(PanelLinks.of("", ""), false, 100), List.of(), SimpleMeterRegistry::new, null);

	@Test
	void aStreamedBodyReachesTheClientWhileTheHandlerIsStillWriting() throws Exception {
		MockHttpServletResponse client = new MockHttpServletResponse();
		List<String> seenByClient = new ArrayList<>();

		this.filter.doFilter(request(true), client, writeTwoChunks(client, seenByClient));

		assertThat(seenByClient).containsExactly("first\n", "first\nsecond\n");
		assertThat(client.getContentAsString()).isEqualTo("first\nsecond\n");
		assertThat(client.getHeader(SqlReportFilter.STATEMENTS_HEADER)).isNull();
		assertThat(client.getHeader(SqlReportFilter.REPORT_HEADER)).isNotNull();
	}

	@Test
	void anOrdinaryBodyIsBufferedUntilTheCountIsKnown() throws Exception {
		MockHttpServletResponse client = new MockHttpServletResponse();
		List<String> seenByClient = new ArrayList<>();

		this.filter.doFilter(request(false), client, writeTwoChunks(client, seenByClient));

		assertThat(seenByClient).containsExactly("", "");
		assertThat(client.getContentAsString()).isEqualTo("first\nsecond\n");
		assertThat(client.getHeader(SqlReportFilter.STATEMENTS_HEADER)).isEqualTo("0");
	}

	private static MockHttpServletRequest request(boolean streamed) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/export/books.csv");
		if (streamed) {
			// What the interceptor does for a handler marked @StreamedResponse.
			request.setAttribute(SqlReportFilter.STREAMED_ATTRIBUTE, Boolean.TRUE);
		}
		return request;
	}

	private static FilterChain writeTwoChunks(MockHttpServletResponse client, List<String> seenByClient) {
		return (request, response) -> {
			try {
				for (String chunk : new String[] { "first\n", "second\n" }) {
					response.getOutputStream().write(chunk.getBytes());
					response.flushBuffer();
					seenByClient.add(client.getContentAsString());
				}
			}
			catch (IOException ex) {
				throw new ServletException(ex);
			}
		};
	}

}
