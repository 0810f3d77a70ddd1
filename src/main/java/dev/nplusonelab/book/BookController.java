package dev.nplusonelab.book;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.nplusonelab.sql.StatementBudget;
import dev.nplusonelab.system.BadRequestException;
import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.NotFoundException;
import dev.nplusonelab.system.Paging;

@Controller
class BookController {

	private final ByMode<BookReader> readers;

	BookController(NaiveBookReader naive, OptimizedBookReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	@StatementBudget(2)
	@GetMapping("/books")
	String list(Mode mode, Paging paging, Model model) {
		BookListPage page = this.readers.get(mode).list(paging);
		if (page.isPastTheEnd()) {
			throw new BadRequestException("page " + paging.page() + " is past the last page of books.");
		}
		model.addAttribute("list", page);
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
