package dev.nplusonelab.guide;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives a page its lesson, found by its route template, and the lesson's costs with this
 * page's numbers, read from the records the controller put in the model.
 */
class LessonInterceptor implements HandlerInterceptor {

	private final Guide guide;

	LessonInterceptor(Guide guide) {
		this.guide = guide;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view == null || !view.hasView()) {
			return;
		}
		Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (route != null) {
			this.guide.lessonFor(route.toString()).ifPresent((lesson) -> {
				view.addObject("lesson", lesson);
				lesson.technique().costs(view.getModel()).ifPresent((costs) -> view.addObject("costs", costs));
			});
		}
	}

}
