package dev.nplusonelab.author;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.nplusonelab.diagnostics.web.StatementBudget;
import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.NotFoundException;
import dev.nplusonelab.system.Paging;

@Controller
class AuthorController {

	private final ByMode<AuthorReader> readers;

	AuthorController(NaiveAuthorReader naive, OptimizedAuthorReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	@StatementBudget(2)
	@GetMapping("/authors")
	String list(Mode mode, Paging paging, Model model) {
		model.addAttribute("list", this.readers.get(mode).list(paging).orElsePastTheEnd("authors"));
		return "authors/list";
	}

	@StatementBudget(2)
	@GetMapping("/authors/{id}")
	String detail(@PathVariable long id, Mode mode, Model model) {
		model.addAttribute("author",
				this.readers.get(mode).detail(id).orElseThrow(() -> new NotFoundException("author", id)));
		return "authors/detail";
	}

}
