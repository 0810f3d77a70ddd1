package dev.nplusonelab.diagnostics.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

/**
 * Tells the report which phase of the request is running, so a statement issued while the
 * view renders can be told from one issued by the controller, and which view that is
 * ({@code books/list}), since no frame of a template is on the stack; it records the
 * handler's declared {@link StatementBudget}. It also marks requests served by a static
 * resource handler, which the history does not keep, and {@link StreamedResponse}
 * handlers, whose bodies are not buffered.
 */
public final class ReportPhaseInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		RequestReport report = report(request);
		if (report != null) {
			report.phase(StatementRecord.Phase.HANDLER);
			if (handler instanceof HandlerMethod method) {
				StatementBudget budget = method.getMethodAnnotation(StatementBudget.class);
				if (budget != null) {
					report.budget(budget.value());
				}
				if (method.hasMethodAnnotation(StreamedResponse.class)) {
					request.setAttribute(SqlReportFilter.STREAMED_ATTRIBUTE, Boolean.TRUE);
				}
			}
			if (handler instanceof ResourceHttpRequestHandler) {
				request.setAttribute(HistoryScope.STATIC_RESOURCE_ATTRIBUTE, Boolean.TRUE);
			}
		}
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		RequestReport report = report(request);
		if (report != null && view != null) {
			report.view(view.getViewName());
			report.phase(StatementRecord.Phase.VIEW);
		}
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		RequestReport report = report(request);
		if (report != null) {
			report.phase(StatementRecord.Phase.REQUEST);
		}
	}

	private static @Nullable RequestReport report(HttpServletRequest request) {
		return (RequestReport) request.getAttribute(RequestReport.ATTRIBUTE);
	}

}
