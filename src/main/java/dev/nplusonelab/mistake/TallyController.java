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
class TallyController {

	private final ByMode<MistakeReader<AuthorTally>> readers;

	TallyController(NaiveTallyReader naive, OptimizedTallyReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	@StatementBudget(1)
	@GetMapping("/mistakes/count-by-loading")
	String list(Mode mode, Paging paging, Model model) {
		ListPage<AuthorTally> page = this.readers.get(mode).list(paging).orElsePastTheEnd("authors");
		model.addAttribute("list", page);
		model.addAttribute("shown", Footprint.of(page.rows(), AuthorTally::shownBytes));
		return "mistakes/count-by-loading";
	}

}
