package dev.nplusonelab;

import java.io.UnsupportedEncodingException;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests a page the way a browser would and reads what the lab measured for it. */
public final class Pages {

	private final MockMvcTester mvc;

	public Pages(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	/** GETs a page that must answer 200 and returns what it ran and rendered. */
	public Visit visit(String uri, Object... uriVariables) {
		MvcTestResult result = this.mvc.get().uri(uri, uriVariables).exchange();
		assertThat(result).hasStatusOk();
		return new Visit(result);
	}

	public record Visit(MvcTestResult result) {

		public RequestReport report() {
			return (RequestReport) this.result.getRequest().getAttribute(RequestReport.ATTRIBUTE);
		}

		/** The {@code X-Records-Digest} of the records the page rendered. */
		public String digest() {
			return this.result.getResponse().getHeader("X-Records-Digest");
		}

		public int statements() {
			return Integer.parseInt(this.result.getResponse().getHeader("X-Sql-Statements"));
		}

		/**
		 * How many statements contained {@code fragment}, e.g. {@code FROM "publisher"}.
		 */
		public long statementsContaining(String fragment) {
			return this.report().statements().stream().filter((s) -> s.sql().contains(fragment)).count();
		}

		public List<String> sql() {
			return this.report().statements().stream().map(StatementRecord::sql).toList();
		}

		public Document document() {
			try {
				return Jsoup.parse(this.result.getResponse().getContentAsString());
			}
			catch (UnsupportedEncodingException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * The text of the element holding the page's records: identical in both modes.
		 */
		public String records() {
			Element records = document().getElementById("records");
			assertThat(records).as("the page has an element with id=records").isNotNull();
			return records.text();
		}

	}

}
