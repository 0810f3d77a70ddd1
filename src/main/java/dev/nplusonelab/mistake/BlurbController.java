package dev.nplusonelab.mistake;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.sql.StatementBudget;

@Controller
class BlurbController {

	private final ByMode<MistakeReader<Blurb>> readers;

	BlurbController(NaiveBlurbReader naive, OptimizedBlurbReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	@StatementBudget(1)
	@GetMapping("/mistakes/deferred-column")
	String list(Mode mode, Paging paging, Model model) {
		model.addAttribute("list", this.readers.get(mode).list(paging).orElsePastTheEnd("books"));
		return "mistakes/deferred-column";
	}

}
