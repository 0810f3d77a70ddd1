package dev.nplusonelab.compare;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.nplusonelab.system.BadRequestException;
import dev.nplusonelab.system.PageProbe;

/**
 * {@code /compare?path=/books?page=2}: loads a data page in both modes, as a visitor
 * would, and says whether they rendered the same records. The path must be one of the
 * data pages; its mode and latency are the compare view's to set.
 */
@Controller
class CompareController {

	/** Plain URL characters only: a path and a query, never a scheme or a host. */
	private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9/_.~-]*(\\?[A-Za-z0-9_.~%=&,-]*)?");

	private final DataPages pages;

	private final PageProbe probe;

	CompareController(DataPages pages, PageProbe probe) {
		this.pages = pages;
		this.probe = probe;
	}

	@GetMapping("/compare")
	String compare(@RequestParam(required = false) @Nullable String path, Model model) {
		String page = (path == null || path.isEmpty()) ? "/books" : path;
		if (page.length() > 300 || !PATH.matcher(page).matches() || page.contains("..") || page.contains("//")) {
			throw new BadRequestException("path must be a page of this application, such as /books?page=2, not "
					+ BadRequestException.quote(page) + ".");
		}
		int question = page.indexOf('?');
		String route = (question < 0) ? page : page.substring(0, question);
		if (!this.pages.isDataPage(route)) {
			throw new BadRequestException("Only a page with a naive and an optimized mode can be compared: "
					+ String.join(", ", this.pages.routes()) + ".");
		}
		String query = (question < 0) ? "" : withoutChoices(page.substring(question + 1));
		String plain = route + (query.isEmpty() ? "" : "?" + query);
		PageProbe.Page naive = this.probe.get(inMode(route, query, "naive"));
		PageProbe.Page optimized = this.probe.get(inMode(route, query, "optimized"));
		if (!naive.isOk() || !optimized.isOk()) {
			throw new BadRequestException(plain + " answered " + naive.status() + " naive and " + optimized.status()
					+ " optimized: only a page that loads can be compared.");
		}
		model.addAttribute("comparison", Comparison.of(plain, naive, optimized));
		return "compare";
	}

	/** The query without the visitor's own mode and latency. */
	private static String withoutChoices(String query) {
		return Arrays.stream(query.split("&"))
			.filter((pair) -> !pair.isEmpty() && !pair.startsWith("mode=") && !pair.equals("mode")
					&& !pair.startsWith("latency=") && !pair.equals("latency"))
			.collect(Collectors.joining("&"));
	}

	private static String inMode(String route, String query, String mode) {
		return route + "?" + (query.isEmpty() ? "" : query + "&") + "mode=" + mode;
	}

}
