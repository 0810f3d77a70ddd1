package dev.nplusonelab.system;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take {@link Mode} and {@link Paging} as plain arguments.
 * Unlike Spring Data's {@code Pageable} resolver, which quietly clamps {@code page=-1} or
 * {@code size=100000}, anything out of range is a 400 that says what is allowed.
 */
final class PageParameterResolvers {

	private PageParameterResolvers() {
	}

	static final class ModeResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Mode.class;
		}

		@Override
		public Mode resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
				NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
			Mode mode = Mode.parse(single(request, Mode.PARAMETER));
			request.setAttribute(Mode.ATTRIBUTE, mode, RequestAttributes.SCOPE_REQUEST);
			return mode;
		}

	}

	static final class PagingResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Paging.class;
		}

		@Override
		public Paging resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
				NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
			return new Paging(number(request, "page", 0), number(request, "size", Paging.DEFAULT_SIZE));
		}

		/** Parses a whole number; the range is {@link Paging}'s to check. */
		private static int number(NativeWebRequest request, String name, int defaultValue) {
			String value = single(request, name);
			if (value == null || value.isEmpty()) {
				return defaultValue;
			}
			try {
				if (StrictNumbers.isWholeNumber(value)) {
					return Integer.parseInt(value);
				}
			}
			catch (NumberFormatException ex) {
				// out of range: answered below
			}
			throw new BadRequestException(
					name + " must be a whole number, not " + BadRequestException.quote(value) + ".");
		}

	}

	static @Nullable String single(NativeWebRequest request, String name) {
		String[] values = request.getParameterValues(name);
		if (values == null) {
			return null;
		}
		if (values.length > 1) {
			throw new BadRequestException("Send " + name + " once, not " + values.length + " times.");
		}
		return values[0];
	}

	static @Nullable Mode currentMode(HttpServletRequest request) {
		return (Mode) request.getAttribute(Mode.ATTRIBUTE);
	}

}
