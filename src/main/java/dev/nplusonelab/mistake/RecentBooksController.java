package dev.nplusonelab.mistake;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.nplusonelab.system.BadRequestException;
import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.sql.StatementBudget;

@Controller
class RecentBooksController {

	private final ByMode<RecentBooksReader> readers;

	RecentBooksController(NaiveRecentBooksReader naive, OptimizedRecentBooksReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	@StatementBudget(2)
	@GetMapping("/mistakes/filter-after-prefetch")
	String list(Mode mode, Paging paging, Model model) {
		RecentBooksPage page = this.readers.get(mode).list(paging);
		if (page.isPastTheEnd()) {
			throw new BadRequestException("page " + paging.page() + " is past the last page of authors.");
		}
		model.addAttribute("list", page);
		return "mistakes/filter-after-prefetch";
	}

}
