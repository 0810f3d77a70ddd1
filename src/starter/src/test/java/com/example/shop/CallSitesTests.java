package com.example.shop;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call site is the first frame of application code: the {@code @SpringBootApplication}
 * package unless {@code nplusone.application-packages} names others, without the frames
 * {@code nplusone.call-sites.skip} names, and never the starter itself.
 */
class CallSitesTests {

	@Nested
	@SpringBootTest
	class ByDefault {

		@Autowired
		private SqlCapture capture;

		@Autowired
		private JdbcClient jdbc;

		@Test
		void theApplicationsPackageComesFromItsAutoConfigurationPackagesAndTheStarterIsNeverTheCallSite() {
			RequestReport report = this.capture.capture(() -> this.jdbc.sql("SELECT 1").query(Integer.class).single());

			assertThat(report.statements().get(0).callSite()).startsWith("CallSitesTests.java:");
		}

	}

	@Nested
	@SpringBootTest(properties = "nplusone.application-packages=com.example.elsewhere")
	class WithOtherPackages {

		@Autowired
		private SqlCapture capture;

		@Autowired
		private JdbcClient jdbc;

		@Test
		void withoutAFrameOfApplicationCodeItSaysSoAndNamesTheNearestFrame() {
			RequestReport report = this.capture.capture(() -> this.jdbc.sql("SELECT 1").query(Integer.class).single());

			assertThat(report.statements().get(0).callSite())
				.startsWith("(no application frame; nearest: " + getClass().getName() + ".lambda$")
				.contains("(CallSitesTests.java:")
				.endsWith(")");
		}

	}

	@Nested
	@SpringBootTest(properties = "nplusone.call-sites.skip=com.example.shop.ShopController")
	@AutoConfigureMockMvc
	class SkippingPlumbing {

		@Autowired
		private MockMvcTester mvc;

		@Test
		void aSkippedClassIsNeverTheCallSiteTheCodeThatCalledItIs() {
			RequestReport report = RequestReportTests.report(this.mvc.get().uri("/many?n=1").exchange());

			assertThat(report.statements().get(0).callSite()).startsWith("CallSitesTests.java:");
		}

	}

}
