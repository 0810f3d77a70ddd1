package dev.nplusonelab.browser;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.nplusonelab.LabTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel inside other people's stylesheets: Bootstrap 3 (whose {@code pre} and
 * {@code code} rules made its SQL light grey on light grey, and whose 10px root font
 * shrinks anything sized in rem), Bootstrap 5, Tailwind's preflight (a reset of margins,
 * borders and list styles) and Pico's classless theme. In each, the SQL, the bound values
 * and the fix read at WCAG AA contrast (4.5:1, from computed styles), and the page's own
 * elements keep their places and sizes: the panel is pinned to the bottom of the window
 * and takes no space in the page. Screenshots go to {@code target/screenshots}.
 */
@LabTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForeignStylesheetTests {

	/** What the page's own elements look like: place and size. */
	private static final String HOST_BOXES = """
			const boxes = {};
			for (const element of document.querySelectorAll('[id^=host]')) {
			  const box = element.getBoundingClientRect();
			  boxes[element.id] = [box.x, box.y, box.width, box.height].map((v) => Math.round(v * 10) / 10).join(',');
			}
			return boxes;""";

	/**
	 * The contrast of every element matching the selector in the panel's shadow root,
	 * against the background behind it, as WCAG computes it.
	 */
	private static final String CONTRASTS = """
			const root = document.querySelector('nplusone-panel').shadowRoot;
			const parse = (color) => {
			  const [r, g, b, a] = color.match(/[\\d.]+/g).map(Number);
			  return { r, g, b, a: (a === undefined) ? 1 : a };
			};
			const over = (top, bottom) => ({
			  r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
			  b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
			const background = (element) => {
			  const layers = [];
			  for (let at = element; at; at = at.parentElement || (at.getRootNode().host || null)) {
			    const color = parse(getComputedStyle(at).backgroundColor);
			    if (color.a > 0) { layers.push(color); }
			    if (color.a >= 1) { break; }
			  }
			  return layers.reverse().reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
			};
			const luminance = (c) => {
			  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
			  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
			};
			return [...root.querySelectorAll(arguments[0])].filter((e) => e.getClientRects().length > 0).map((e) => {
			  const back = background(e);
			  const text = over(parse(getComputedStyle(e).color), back);
			  const [light, dark] = [luminance(text), luminance(back)].sort((a, b) => b - a);
			  return (light + 0.05) / (dark + 0.05);
			});""";

	@LocalServerPort
	private int port;

	private Browser browser;

	@BeforeAll
	void openBrowser() throws IOException {
		this.browser = Browser.open("http://localhost:" + this.port);
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "bootstrap3", "bootstrap5", "tailwind", "pico" })
	void thePanelIsReadableInsideTheStylesheetAndLeavesThePageAsItWas(String theme) {
		this.browser.load("/test/foreign/" + theme);
		// The page is really styled by its stylesheet: it loaded, with its rules.
		assertThat((Long) this.browser.script(
				"return [...document.styleSheets].filter((sheet) => sheet.href && sheet.href.includes(arguments[0]))"
						+ ".reduce((rules, sheet) => rules + sheet.cssRules.length, 0)",
				ForeignPages.STYLESHEETS.get(theme)))
			.as("rules of the %s stylesheet", theme)
			.isGreaterThan(10);
		Map<?, ?> withPanel = (Map<?, ?>) this.browser.script(HOST_BOXES);

		WebElement summary = this.browser.inPanel("#sql-panel > summary");
		summary.click();

		assertThat(this.browser.inPanel(".sql-body").isDisplayed()).isTrue();
		for (String text : List.of("pre.sql", ".params code", ".suggestion strong", ".suggestion code")) {
			List<?> contrasts = (List<?>) this.browser.script(CONTRASTS, text);
			assertThat(contrasts).as("%s in %s", text, theme)
				.isNotEmpty()
				.allSatisfy(
						(ratio) -> assertThat(((Number) ratio).doubleValue()).as("contrast of %s in %s", text, theme)
							.isGreaterThanOrEqualTo(4.5));
		}
		assertThat(this.browser.inPanel(".findings .suggestion").getText()).startsWith("Fix: ");
		this.browser.screenshot("foreign-" + theme, Browser.DESKTOP_WIDTH);

		this.browser.script("document.querySelector('nplusone-panel').remove()");
		Map<?, ?> withoutPanel = (Map<?, ?>) this.browser.script(HOST_BOXES);
		assertThat(withPanel).as("the page's elements in %s", theme).hasSize(10).isEqualTo(withoutPanel);
	}

}
