package dev.nplusonelab.mistake;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.sql.StatementBudget;

@Controller
class RecentBooksController {

	private final ByMode<MistakeReader<AuthorRecentBooks>> readers;

	RecentBooksController(NaiveRecentBooksReader naive, OptimizedRecentBooksReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	@StatementBudget(2)
	@GetMapping("/mistakes/filter-after-prefetch")
	String list(Mode mode, Paging paging, Model model) {
		model.addAttribute("list", this.readers.get(mode).list(paging).orElsePastTheEnd("authors"));
		return "mistakes/filter-after-prefetch";
	}

}
