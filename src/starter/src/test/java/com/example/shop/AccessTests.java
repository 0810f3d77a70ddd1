package com.example.shop;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.nplusonelab.diagnostics.web.SqlMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe by default: what a request ran is shown only to this machine, by the socket's
 * address, unless {@code nplusone.web.allowed-addresses} says otherwise. The metrics
 * count everyone.
 */
class AccessTests {

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	class ByDefault {

		@Autowired
		private MockMvcTester mvc;

		@Autowired
		private MeterRegistry registry;

		@Test
		void aRequestFromElsewhereGetsNoPanelNoHeadersAndNoHistoryButIsCounted() throws Exception {
			double before = count();
			MvcTestResult remote = this.mvc.get().uri("/page/clean").with(from("203.0.113.9")).exchange();

			assertThat(remote).hasStatusOk();
			assertThat(remote.getResponse().getContentAsString()).doesNotContain("sql-panel", "_nplusone");
			assertThat(remote.getResponse().getHeaderNames()).noneMatch((name) -> name.startsWith("X-Sql"))
				.doesNotContain("Server-Timing");
			assertThat(count() - before).isEqualTo(1);
			assertThat(this.mvc.get().uri("/actuator/sqlrequests").with(from("203.0.113.9"))).hasStatus(404);
		}

		/**
		 * The report is made here, so that it is in the history whatever ran before; the
		 * same addresses answer 200 from this machine. Dropping the access check of the
		 * detail or of the EXPLAIN operation turns the remote 404 into a 200.
		 */
		@Test
		void aRequestFromElsewhereCannotReadAReportOrExplainItsStatements() throws Exception {
			String id = this.mvc.get()
				.uri("/page/clean")
				.with(from("127.0.0.1"))
				.exchange()
				.getResponse()
				.getHeader("X-Sql-Report");
			assertThat(id).isNotNull();
			String detail = "/actuator/sqlrequests/" + id;
			String explain = detail + "/1";

			assertThat(this.mvc.get().uri(detail).with(from("127.0.0.1"))).hasStatusOk();
			assertThat(this.mvc.get().uri(explain).with(from("127.0.0.1"))).hasStatusOk();
			assertThat(this.mvc.get().uri(detail).with(from("203.0.113.9"))).hasStatus(404);
			assertThat(this.mvc.get().uri(explain).with(from("203.0.113.9"))).hasStatus(404);
		}

		@Test
		void aForwardedHeaderDoesNotMakeARequestLocal() throws Exception {
			MvcTestResult remote = this.mvc.get()
				.uri("/page/clean")
				.header("X-Forwarded-For", "127.0.0.1")
				.header("Forwarded", "for=127.0.0.1")
				.with(from("203.0.113.9"))
				.exchange();

			assertThat(remote.getResponse().getContentAsString()).doesNotContain("sql-panel");
		}

		@Test
		void onlyAResponseSomeoneMaySeeTheDiagnosticsOnIsBuffered() throws Exception {
			String remote = this.mvc.get()
				.uri("/response-kind")
				.with(from("203.0.113.9"))
				.exchange()
				.getResponse()
				.getContentAsString();
			String local = this.mvc.get()
				.uri("/response-kind")
				.with(from("127.0.0.1"))
				.exchange()
				.getResponse()
				.getContentAsString();

			assertThat(remote).doesNotContain("ReportResponse");
			assertThat(local).contains("ReportResponse");
		}

		@Test
		void thisMachineSeesEverything() throws Exception {
			MvcTestResult local = this.mvc.get().uri("/page/clean").with(from("::1")).exchange();

			assertThat(local.getResponse().getContentAsString()).contains("id=\"sql-panel\"");
			assertThat(local.getResponse().getHeader("X-Sql-Statements")).isEqualTo("1");
			assertThat(this.mvc.get().uri("/actuator/sqlrequests").with(from("127.0.0.1"))).hasStatusOk();
		}

		private double count() {
			var summary = this.registry.find(SqlMetrics.STATEMENTS).tag("uri", "/page/clean").summary();
			return (summary != null) ? summary.count() : 0;
		}

	}

	@Nested
	@SpringBootTest(properties = "nplusone.web.allowed-addresses=loopback,203.0.113.0/24,2001:db8::/32")
	@AutoConfigureMockMvc
	class ToANetwork {

		@Autowired
		private MockMvcTester mvc;

		@Test
		void addressesInTheAllowedRangesSeeThePanel() throws Exception {
			assertThat(this.mvc.get()
				.uri("/page/clean")
				.with(from("203.0.113.77"))
				.exchange()
				.getResponse()
				.getContentAsString()).contains("id=\"sql-panel\"");
			assertThat(this.mvc.get()
				.uri("/page/clean")
				.with(from("2001:db8::5"))
				.exchange()
				.getResponse()
				.getContentAsString()).contains("id=\"sql-panel\"");
			assertThat(this.mvc.get()
				.uri("/page/clean")
				.with(from("198.51.100.1"))
				.exchange()
				.getResponse()
				.getContentAsString()).doesNotContain("sql-panel");
		}

	}

	/**
	 * A reverse proxy on the same host connects from loopback for every visitor. With
	 * {@code server.forward-headers-strategy=native}, Tomcat takes the client's address
	 * from the proxy's {@code X-Forwarded-For} (it trusts the header only from internal
	 * addresses such as loopback), and that is the address the starter checks: the
	 * visitor the proxy names is denied; without the setting, everyone behind the proxy
	 * would be this machine.
	 */
	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "server.forward-headers-strategy=native")
	class BehindAReverseProxy {

		@LocalServerPort
		private int port;

		@Test
		void theAddressTheProxyForwardsIsCheckedNotTheProxys() {
			RestClient proxy = ResponsesTests.client(this.port);
			ResponseEntity<String> visitor = proxy.get()
				.uri("http://127.0.0.1:" + this.port + "/page/clean")
				.header("X-Forwarded-For", "203.0.113.9")
				.retrieve()
				.toEntity(String.class);
			ResponseEntity<String> history = proxy.get()
				.uri("http://127.0.0.1:" + this.port + "/actuator/sqlrequests")
				.header("X-Forwarded-For", "203.0.113.9")
				.retrieve()
				.toEntity(String.class);
			ResponseEntity<String> local = proxy.get()
				.uri("http://127.0.0.1:" + this.port + "/page/clean")
				.retrieve()
				.toEntity(String.class);

			assertThat(visitor.getStatusCode().value()).isEqualTo(200);
			assertThat(visitor.getBody()).contains("<h1>Clean</h1>").doesNotContain("sql-panel");
			assertThat(visitor.getHeaders().headerNames()).noneMatch((name) -> name.startsWith("X-Sql"));
			assertThat(history.getStatusCode().value()).isEqualTo(404);
			assertThat(local.getBody()).contains("id=\"sql-panel\"");
		}

	}

	@Nested
	@SpringBootTest(properties = "nplusone.web.allowed-addresses=*")
	@AutoConfigureMockMvc
	class ToEveryone {

		@Autowired
		private MockMvcTester mvc;

		@Test
		void aTeachingDeploymentShowsThePanelToAnyone() throws Exception {
			assertThat(this.mvc.get()
				.uri("/page/clean")
				.with(from("198.51.100.1"))
				.exchange()
				.getResponse()
				.getContentAsString()).contains("id=\"sql-panel\"");
		}

	}

}
