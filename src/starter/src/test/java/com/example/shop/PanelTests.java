package com.example.shop;

import java.nio.charset.Charset;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel in a server-rendered page without any change to its templates: injected
 * before the last {@code </body>}, styled from the starter's own path, without inline
 * script or style; other bodies pass through untouched.
 */
@SpringBootTest(properties = { "nplusone.panel.max-size=1MB", "nplusone.result-set.bytes=true" })
@AutoConfigureMockMvc
class PanelTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void anHtmlPageGetsThePanelInAShadowRootBeforeItsLastBodyEnd() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/page").exchange();
		String html = result.getResponse().getContentAsString();
		Document page = Jsoup.parse(html);

		// The page's stylesheets cannot reach a shadow root, and the panel's own
		// stylesheet, linked inside it, cannot reach the page.
		assertThat(html).endsWith("</details>\n</template>\n</nplusone-panel>\n</body></html>");
		assertThat(page.select("head link")).isEmpty();
		assertThat(page.select("body > nplusone-panel > template[shadowrootmode=open] > link[rel=stylesheet]")
			.attr("href")).isEqualTo("/_nplusone/panel.css");
		assertThat(page.select("nplusone-panel > template > details#sql-panel")).hasSize(1);
		assertThat(page.select("details#sql-panel").attr("data-statements")).isEqualTo("2");
		assertThat(page.select("details#sql-panel").attr("data-report"))
			.isEqualTo(result.getResponse().getHeader("X-Sql-Report"));
		assertThat(page.select("#sql-panel summary").text()).contains("2 statements", "ms SQL", "1 violation");
		assertThat(page.select(".sql-lines > li")).hasSize(2);
		assertThat(page.select(".sql-lines .badge.view").text()).isEqualTo("from the view");
		assertThat(page.select(".violations h2").text()).isEqualTo("Rules this request broke");
		assertThat(page.select("a.explain").attr("href")).matches("/actuator/sqlrequests/\\d+/1");
		assertThat(page.select("script")).isEmpty();
		assertThat(page.select("[style]")).isEmpty();
		assertThat(html).doesNotContain("<style");
	}

	/**
	 * A statement the view ran is marked with the view's name, in the list and in its
	 * query's stack, which starts at the line of the view that ran it.
	 */
	@Test
	void aStatementRunWhileANamedViewRenderedNamesTheViewAndItsStack() throws Exception {
		Document page = page("/page/named");

		assertThat(page.select(".sql-lines .badge.view").text()).isEqualTo("from the view shop/page");
		assertThat(page.select(".sql-groups tr").select("tr:has(.stack-view)")).singleElement().satisfies((query) -> {
			assertThat(query.select("pre.sql").first().wholeText()).isEqualTo("SELECT title\nFROM book\nWHERE id = 1");
			assertThat(query.select(".stack-view").text()).isEqualTo("while the view shop/page rendered");
			assertThat(query.select(".stack-lines li").first().text()).matches("ShopApplication\\.java:\\d+");
		});
	}

	@Test
	void thePanelsStylesheetIsServedByTheStarter() {
		assertThat(this.mvc.get().uri("/_nplusone/panel.css")).hasStatusOk()
			.hasContentType("text/css;charset=UTF-8")
			.bodyText()
			.contains(":host(nplusone-panel)", ".sql-panel");
	}

	@Test
	void anNPlusOneShowsItsBadgeItsFindingAndTheFilterForRepeatedStatements() throws Exception {
		Document naive = page("/page/naive");
		Document clean = page("/page/clean");

		assertThat(naive.select("#sql-panel").hasClass("has-repeats")).isTrue();
		assertThat(naive.select(".badge-n1").text()).isEqualTo("1 potential N+1");
		assertThat(naive.select(".findings li.finding-n_plus_one .suggestion").text())
			.isEqualTo("Fix: load author by id for all rows at once, binding the collected ids as one Long[] "
					+ "with SELECT … FROM author WHERE id = ANY(?)");
		assertThat(naive.select("input.only-repeated")).hasSize(1);
		assertThat(naive.select("label.only-repeated-label").text()).isEqualTo("show only repeated statements");
		assertThat(naive.select(".sql-rows").text()).matches("\\d+ rows · ≈ .* read");
		assertThat(clean.select(".sql-clean").text()).isEqualTo("no repeated query");
		assertThat(clean.select("#sql-panel").hasClass("has-repeats")).isFalse();
		assertThat(clean.select("input.only-repeated")).isEmpty();
	}

	private Document page(String uri) throws Exception {
		return Jsoup.parse(this.mvc.get().uri(uri).exchange().getResponse().getContentAsString());
	}

	@Test
	void boundValuesAndSqlAreEscaped() throws Exception {
		String html = this.mvc.get().uri("/hostile").exchange().getResponse().getContentAsString();
		Document page = Jsoup.parse(html);

		assertThat(page.select(".params code").text()).contains(ShopPages.HOSTILE);
		assertThat(page.select("script")).isEmpty();
		assertThat(html).doesNotContain("<script>alert");
	}

	/**
	 * The panel goes before the last end of body whatever the letter case and whatever
	 * the charset, and every other character of the page comes out as it went in: UTF-8
	 * and Latin-1 pages are spliced as bytes, others decoded and encoded again.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "UTF-8", "ISO-8859-1", "UTF-16", "windows-1252" })
	void thePanelGoesBeforeTheLastBodyEndAndLeavesEveryOtherCharacterAsItWas(String charset) throws Exception {
		MockHttpServletResponse response = this.mvc.get().uri("/charset?name=" + charset).exchange().getResponse();
		String html = new String(response.getContentAsByteArray(), Charset.forName(charset));
		String expected = new String(ShopPages.CHARSET_PAGE.getBytes(Charset.forName(charset)),
				Charset.forName(charset));

		// What the writer could encode of the page, unchanged around the panel.
		int bodyEnd = expected.lastIndexOf("</BODY>");
		assertThat(html).startsWith(expected.substring(0, bodyEnd)).endsWith(expected.substring(bodyEnd));
		String inserted = html.substring(bodyEnd, html.length() - (expected.length() - bodyEnd));
		assertThat(inserted).contains("<nplusone-panel").endsWith("</nplusone-panel>\n");
		assertThat(Jsoup.parse(html).select("details#sql-panel").attr("data-statements")).isEqualTo("1");
	}

	@Test
	void streamedCompressedNonHtmlAndLargeBodiesPassThroughUntouched() throws Exception {
		MvcTestResult streamed = this.mvc.get().uri("/streamed").exchange();
		MvcTestResult compressed = this.mvc.get().uri("/compressed").exchange();
		MvcTestResult plain = this.mvc.get().uri("/plain").exchange();
		MvcTestResult big = this.mvc.get().uri("/big").exchange();

		assertThat(streamed.getResponse().getContentAsString()).doesNotContain("sql-panel").endsWith("</body></html>");
		assertThat(streamed.getResponse().getHeader("X-Sql-Statements")).isNull();
		assertThat(compressed.getResponse().getContentAsByteArray()).startsWith((byte) 0x1f, (byte) 0x8b);
		assertThat(compressed.getResponse().getHeader("X-Sql-Statements")).isEqualTo("1");
		assertThat(plain.getResponse().getContentAsString()).isEqualTo("plain </body>");
		assertThat(big.getResponse().getContentAsString()).doesNotContain("sql-panel").endsWith("</p></body></html>");
		assertThat(big.getResponse().getHeader("X-Sql-Statements")).isEqualTo("1");
	}

}
