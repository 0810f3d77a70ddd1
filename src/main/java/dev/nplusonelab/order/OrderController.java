package dev.nplusonelab.order;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.Keyset;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.diagnostics.web.StatementBudget;

@Controller
class OrderController {

	private final ByMode<OrderReader> readers;

	OrderController(NaiveOrderReader naive, OptimizedOrderReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	/**
	 * A numbered page ({@code ?page=}), or with {@code ?after=id} the page after that
	 * order (keyset pagination), which stays as fast on the last page as on the first.
	 */
	@StatementBudget(2)
	@GetMapping("/orders")
	String list(Mode mode, Paging paging, @RequestParam(required = false) @Nullable String after, Model model) {
		Keyset keyset = Keyset.parse(after, paging, "orders");
		ListPage<OrderRow> page = (keyset == null) ? this.readers.get(mode).list(paging)
				: this.readers.get(mode).listAfter(keyset.after(), paging.size());
		model.addAttribute("list", page.orElsePastTheEnd("orders"));
		return "orders/list";
	}

}
