package dev.nplusonelab.book;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.nplusonelab.diagnostics.web.StatementBudget;
import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.Keyset;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.NotFoundException;
import dev.nplusonelab.system.Paging;

@Controller
class BookController {

	private final ByMode<BookReader> readers;

	BookController(NaiveBookReader naive, OptimizedBookReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	/**
	 * A numbered page ({@code ?page=}), or with {@code ?after=id} the page after that
	 * book (keyset pagination), which stays as fast on the last page of a million books
	 * as on the first.
	 */
	@StatementBudget(2)
	@GetMapping("/books")
	String list(Mode mode, Paging paging, @RequestParam(required = false) @Nullable String after, Model model) {
		Keyset keyset = Keyset.parse(after, paging, "books");
		ListPage<BookRow> page = (keyset == null) ? this.readers.get(mode).list(paging)
				: this.readers.get(mode).listAfter(keyset.after(), paging.size());
		model.addAttribute("list", page.orElsePastTheEnd("books"));
		return "books/list";
	}

	@StatementBudget(3)
	@GetMapping("/books/{id}")
	String detail(@PathVariable long id, Mode mode, Model model) {
		model.addAttribute("book",
				this.readers.get(mode).detail(id).orElseThrow(() -> new NotFoundException("book", id)));
		return "books/detail";
	}

}
