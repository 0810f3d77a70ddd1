package dev.nplusonelab.mistake;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.nplusonelab.guide.Guide;
import dev.nplusonelab.diagnostics.web.StatementBudget;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.Paging;

/**
 * The gallery: its front page, and one handler per {@link Mistake}. The handlers differ
 * only in what they declare, and that is why each mistake keeps one: its URL is the route
 * template its lesson, its metrics and its SQL report go by, and its
 * {@link StatementBudget} is read from the handler method.
 */
@Controller
class MistakeController {

	private final Guide guide;

	private final Map<String, Mistake<?>> mistakes;

	MistakeController(Guide guide, List<Mistake<?>> mistakes) {
		this.guide = guide;
		this.mistakes = mistakes.stream().collect(Collectors.toMap(Mistake::key, Function.identity()));
	}

	/**
	 * Every mistake any feature declared, from the guide, so a new one appears here
	 * without touching this method.
	 */
	@GetMapping("/mistakes")
	String index(Model model) {
		model.addAttribute("mistakes", this.guide.mistakes());
		return "mistakes/index";
	}

	@StatementBudget(2)
	@GetMapping("/mistakes/filter-after-prefetch")
	String filterAfterPrefetch(Mode mode, Paging paging, Model model) {
		return show("filter-after-prefetch", mode, paging, model);
	}

	@StatementBudget(1)
	@GetMapping("/mistakes/over-prefetching")
	String overPrefetching(Mode mode, Paging paging, Model model) {
		return show("over-prefetching", mode, paging, model);
	}

	@StatementBudget(1)
	@GetMapping("/mistakes/deferred-column")
	String deferredColumn(Mode mode, Paging paging, Model model) {
		return show("deferred-column", mode, paging, model);
	}

	@StatementBudget(1)
	@GetMapping("/mistakes/count-by-loading")
	String countByLoading(Mode mode, Paging paging, Model model) {
		return show("count-by-loading", mode, paging, model);
	}

	@StatementBudget(2)
	@GetMapping("/mistakes/batch-too-small")
	String batchTooSmall(Mode mode, Paging paging, Model model) {
		return show("batch-too-small", mode, paging, model);
	}

	@StatementBudget(1)
	@GetMapping("/mistakes/lookups-per-row")
	String lookupsPerRow(Mode mode, Paging paging, Model model) {
		return show("lookups-per-row", mode, paging, model);
	}

	private String show(String key, Mode mode, Paging paging, Model model) {
		Mistake<?> mistake = this.mistakes.get(key);
		if (mistake == null) {
			throw new IllegalStateException("No Mistake bean has the key " + key);
		}
		return mistake.show(mode, paging, model);
	}

}
