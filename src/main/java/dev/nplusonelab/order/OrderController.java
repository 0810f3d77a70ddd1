package dev.nplusonelab.order;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.nplusonelab.system.BadRequestException;
import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.sql.StatementBudget;

@Controller
class OrderController {

	private final ByMode<OrderReader> readers;

	OrderController(NaiveOrderReader naive, OptimizedOrderReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	@StatementBudget(2)
	@GetMapping("/orders")
	String list(Mode mode, Paging paging, Model model) {
		OrderListPage page = this.readers.get(mode).list(paging);
		if (page.isPastTheEnd()) {
			throw new BadRequestException("page " + paging.page() + " is past the last page of orders.");
		}
		model.addAttribute("list", page);
		return "orders/list";
	}

}
