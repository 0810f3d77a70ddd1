package dev.nplusonelab.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

import dev.nplusonelab.guide.Guide;
import dev.nplusonelab.sql.RequestReport;

/**
 * Gives every rendered page what the layout needs besides the page's own model: the
 * request's SQL report (read by the panel while the view renders, so it includes the
 * view's statements), the mode, and the current URL for the toggle and the pagination
 * links.
 */
class PageModelInterceptor implements HandlerInterceptor {

	private final Guide guide;

	private final boolean historyShown;

	PageModelInterceptor(Guide guide, boolean historyShown) {
		this.guide = guide;
		this.historyShown = historyShown;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view == null || !view.hasView()
				|| view.getViewName() != null && view.getViewName().startsWith("redirect:")) {
			return;
		}
		view.addObject("sqlReport", request.getAttribute(RequestReport.ATTRIBUTE));
		Mode mode = PageParameterResolvers.currentMode(request);
		view.addObject("mode", mode);
		view.addObject("visitorMode", (mode != null) ? mode : chosenMode(request));
		view.addObject("historyShown", this.historyShown);
		view.addObject("urls", new CurrentUrl(request));
		Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (route != null) {
			this.guide.lessonFor(route.toString()).ifPresent((lesson) -> view.addObject("lesson", lesson));
		}
	}

	/**
	 * On a page without a mode of its own, the mode its links carry, if one was chosen.
	 */
	private static @Nullable Mode chosenMode(HttpServletRequest request) {
		String chosen = VisitorChoices.of(request).get(Mode.PARAMETER);
		return (chosen != null) ? Mode.parseOrNull(chosen) : null;
	}

}
