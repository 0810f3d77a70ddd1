package dev.nplusonelab.system;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.support.RequestDataValueProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * Keeps a visitor's choices (the mode, and the emulated latency) on every link a page
 * renders, so that someone who picked naive stays naive through the navigation, the row
 * links, the pagination and the lessons, and any page can be shared as it was seen.
 * <p>
 * Spring MVC asks this for every URL a template writes with {@code th:href} or
 * {@code th:action}, which is one place instead of a parameter on every link. A link that
 * names its own mode (the toggle, a "see it naive" link) keeps it: switching is always
 * deliberate. Static files and the Actuator get nothing, and {@code /lab}, whose
 * {@code latency} means something else, gets the mode only.
 */
class VisitorChoices implements RequestDataValueProcessor {

	private static final String[] NO_CHOICES = { "/css/", "/js/", "/webjars/", "/favicon", "/actuator", "/export/" };

	/**
	 * The choices of the current request, only values the pages accept; by the time a
	 * page renders, the latency interceptor has refused any other.
	 */
	static Map<String, String> of(HttpServletRequest request) {
		Map<String, String> choices = new LinkedHashMap<>();
		Mode mode = PageParameterResolvers.currentMode(request);
		String requested = request.getParameter(Mode.PARAMETER);
		if (mode == null && requested != null) {
			mode = Mode.parseOrNull(requested);
		}
		if (mode != null && requested != null) {
			choices.put(Mode.PARAMETER, mode.value());
		}
		String latency = request.getParameter(LatencyInterceptor.PARAMETER);
		if (latency != null && !latency.isEmpty() && latency.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			choices.put(LatencyInterceptor.PARAMETER, latency);
		}
		return choices;
	}

	/**
	 * Thymeleaf hands over the URL already escaped for HTML ({@code &amp;} between
	 * parameters), so it is read unescaped and written back escaped. A page writes a
	 * hundred links or more, so this reads the query by hand instead of parsing each URL
	 * into components twice: the choices' names and values are plain ASCII, the values
	 * only what the pages accept, and nothing else of the URL changes.
	 */
	@Override
	public String processUrl(HttpServletRequest request, String url) {
		String raw = (url.indexOf('&') >= 0) ? HtmlUtils.htmlUnescape(url) : url;
		String path = pathOf(request, raw);
		if (path == null) {
			return url;
		}
		Map<String, String> choices = of(request);
		if (choices.isEmpty()) {
			return url;
		}
		int hash = raw.indexOf('#');
		int end = (hash >= 0) ? hash : raw.length();
		int question = raw.indexOf('?');
		boolean hasQuery = question >= 0 && question < end;
		StringBuilder kept = new StringBuilder(raw.length() + 32).append(raw, 0, end);
		boolean changed = false;
		for (Map.Entry<String, String> choice : choices.entrySet()) {
			if ((hasQuery && names(raw, question + 1, end, choice.getKey())) || !applies(choice.getKey(), path)) {
				continue;
			}
			char last = kept.charAt(kept.length() - 1);
			kept.append(!hasQuery && !changed ? "?" : (last == '?' || last == '&') ? "" : "&");
			kept.append(choice.getKey()).append('=').append(choice.getValue());
			changed = true;
		}
		if (!changed) {
			return url;
		}
		kept.append(raw, end, raw.length());
		// A URL without '&' had nothing to escape, and the choices are letters and
		// digits,
		// so only the '&' put between them needs escaping.
		return (raw == url) ? ampersands(kept) : HtmlUtils.htmlEscape(kept.toString());
	}

	private static String ampersands(StringBuilder url) {
		for (int i = url.indexOf("&"); i >= 0; i = url.indexOf("&", i + 1)) {
			url.insert(i + 1, "amp;");
		}
		return url.toString();
	}

	/**
	 * Whether the query between {@code from} and {@code to} has a parameter called
	 * {@code name}, spelled out or percent-encoded.
	 */
	static boolean names(String url, int from, int to, String name) {
		int start = from;
		while (start <= to) {
			int amp = url.indexOf('&', start);
			int stop = (amp < 0 || amp > to) ? to : amp;
			int equals = url.indexOf('=', start);
			String key = url.substring(start, (equals >= 0 && equals < stop) ? equals : stop);
			if (key.equals(name) || (key.indexOf('%') >= 0 && decoded(key).equals(name))) {
				return true;
			}
			start = stop + 1;
		}
		return false;
	}

	private static String decoded(String key) {
		try {
			return URLDecoder.decode(key, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return key;
		}
	}

	@Override
	public String processAction(HttpServletRequest request, String action, String httpMethod) {
		return action;
	}

	@Override
	public String processFormFieldValue(HttpServletRequest request, @Nullable String name, String value, String type) {
		return value;
	}

	/**
	 * A form (the lab's) carries the mode in a hidden field; its own fields stay its own.
	 */
	@Override
	public @Nullable Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
		String mode = of(request).get(Mode.PARAMETER);
		return (mode != null) ? Map.of(Mode.PARAMETER, mode) : null;
	}

	/** The path within the application of a link to one of its pages, else null. */
	private static @Nullable String pathOf(HttpServletRequest request, String url) {
		if (!url.startsWith("/") || url.startsWith("//")) {
			return null;
		}
		String contextPath = request.getContextPath();
		String path = url.startsWith(contextPath) ? url.substring(contextPath.length()) : url;
		for (String prefix : NO_CHOICES) {
			if (path.startsWith(prefix)) {
				return null;
			}
		}
		return path;
	}

	private static boolean applies(String choice, String path) {
		return !(choice.equals(LatencyInterceptor.PARAMETER) && (path.equals("/lab") || path.startsWith("/lab?")));
	}

}
