package dev.nplusonelab.system;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import dev.nplusonelab.diagnostics.capture.RequestReport;

/**
 * Gives every rendered page what the layout needs besides the page's own model: the
 * request's SQL report so far (the latency links and the mistakes' footprint read it; the
 * panel itself is added by the diagnostics once the page is complete), the mode, the
 * current URL for the toggle and the pagination links, and the digest of the page's
 * records.
 */
class PageModelInterceptor implements HandlerInterceptor {

	private final boolean historyShown;

	private final Duration latencyCap;

	private final boolean requestLatency;

	PageModelInterceptor(boolean historyShown, Duration latencyCap, boolean requestLatency) {
		this.historyShown = historyShown;
		this.latencyCap = latencyCap;
		this.requestLatency = requestLatency;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view == null || !view.hasView()
				|| view.getViewName() != null && view.getViewName().startsWith("redirect:")) {
			return;
		}
		if (request.getAttribute(RequestReport.ATTRIBUTE) instanceof RequestReport report) {
			view.addObject("sqlReport", new RenderedReport(report));
		}
		Mode mode = PageParameterResolvers.currentMode(request);
		view.addObject("mode", mode);
		view.addObject("historyShown", this.historyShown);
		view.addObject("latencyCap", this.latencyCap);
		view.addObject("requestLatency", this.requestLatency);
		view.addObject("urls", new CurrentUrl(request));
		view.getModel().values().stream().filter(PageRecords.class::isInstance).findFirst().ifPresent((records) -> {
			RecordsDigest digest = new RecordsDigest((PageRecords) records);
			view.addObject("digest", digest);
			request.setAttribute(RecordsDigest.ATTRIBUTE, digest);
		});
	}

	/**
	 * After the view rendered, so every value the records hold has been read; the SQL
	 * report filter still buffers the page, so the headers can still be set.
	 */
	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		if (request.getAttribute(RecordsDigest.ATTRIBUTE) instanceof RecordsDigest digest && ex == null
				&& !response.isCommitted()) {
			response.setHeader(RecordsDigest.DIGEST_HEADER, digest.hex());
			response.setHeader(RecordsDigest.COUNT_HEADER, Integer.toString(digest.count()));
		}
	}

}
