package dev.nplusonelab.mistake;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.sql.StatementBudget;

@Controller
class BylineController {

	private final ByMode<MistakeReader<Byline>> readers;

	BylineController(NaiveBylineReader naive, OptimizedBylineReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	@StatementBudget(1)
	@GetMapping("/mistakes/over-prefetching")
	String list(Mode mode, Paging paging, Model model) {
		ListPage<Byline> page = this.readers.get(mode).list(paging).orElsePastTheEnd("books");
		model.addAttribute("list", page);
		model.addAttribute("shown", Footprint.of(page.rows(), Byline::shownBytes));
		return "mistakes/over-prefetching";
	}

}
