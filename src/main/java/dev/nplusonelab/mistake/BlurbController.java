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
class BlurbController {

	private final ByMode<BlurbReader> readers;

	BlurbController(NaiveBlurbReader naive, OptimizedBlurbReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	@StatementBudget(1)
	@GetMapping("/mistakes/deferred-column")
	String list(Mode mode, Paging paging, Model model) {
		BlurbPage page = this.readers.get(mode).list(paging);
		if (page.isPastTheEnd()) {
			throw new BadRequestException("page " + paging.page() + " is past the last page of books.");
		}
		model.addAttribute("list", page);
		return "mistakes/deferred-column";
	}

}
