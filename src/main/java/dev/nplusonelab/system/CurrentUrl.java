package dev.nplusonelab.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriUtils;

/**
 * The URL of the current page, for links that change one parameter and keep the others:
 * the mode toggle keeps {@code page} and {@code size}, pagination keeps {@code mode}.
 */
public final class CurrentUrl {

	private final String path;

	private final Map<String, String[]> parameters;

	CurrentUrl(HttpServletRequest request) {
		this.path = request.getRequestURI();
		this.parameters = new LinkedHashMap<>(request.getParameterMap());
	}

	/**
	 * This page without the visitor's choices (mode and latency): the address the compare
	 * view loads in both modes.
	 */
	public String withoutChoices() {
		Map<String, String[]> rest = new LinkedHashMap<>(this.parameters);
		rest.remove(Mode.PARAMETER);
		rest.remove(LatencyInterceptor.PARAMETER);
		return address(rest);
	}

	/** This page with {@code name} set to {@code value}. */
	public String with(String name, Object value) {
		return withInstead(name, value, name);
	}

	/**
	 * This page with {@code name} set to {@code value} and without {@code replaced}: from
	 * a numbered page ({@code page=}) to a keyset page ({@code after=}).
	 */
	public String withInstead(String name, Object value, String replaced) {
		Map<String, String[]> changed = new LinkedHashMap<>(this.parameters);
		if (!replaced.equals(name)) {
			changed.remove(replaced);
		}
		// A parameter already there keeps its place in the query string.
		changed.put(name, new String[] { String.valueOf(value) });
		return address(changed);
	}

	private String address(Map<String, String[]> parameters) {
		List<String> pairs = new ArrayList<>();
		parameters.forEach((key, values) -> {
			for (String each : values) {
				pairs.add(UriUtils.encodeQueryParam(key, "UTF-8") + "=" + UriUtils.encodeQueryParam(each, "UTF-8"));
			}
		});
		return pairs.isEmpty() ? this.path : this.path + "?" + String.join("&", pairs);
	}

}
