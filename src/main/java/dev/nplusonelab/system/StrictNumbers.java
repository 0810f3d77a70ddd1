package dev.nplusonelab.system;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers in paths and parameters ({@code /books/{id}}, {@code ?size=}) as plain
 * decimal digits. Spring's default editors also take {@code " 7"}, {@code "0x10"} and
 * {@code "#10"}, so one book would answer at many addresses; here anything but digits is
 * a type mismatch, a 400 that says what a valid value looks like.
 */
@ControllerAdvice
public class StrictNumbers {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,19}");

	/**
	 * Plain ASCII digits with an optional minus sign; {@code Long.parseLong} alone also
	 * takes {@code "+2"} and digits of other scripts ({@code "٢"}).
	 */
	public static boolean isWholeNumber(String text) {
		return WHOLE_NUMBER.matcher(text).matches();
	}

	@InitBinder
	void wholeNumbersOnly(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new Editor(Long::valueOf));
		binder.registerCustomEditor(Long.class, new Editor(Long::valueOf));
		binder.registerCustomEditor(int.class, new Editor(Integer::valueOf));
		binder.registerCustomEditor(Integer.class, new Editor(Integer::valueOf));
	}

	private static final class Editor extends PropertyEditorSupport {

		private final Function<String, Number> parse;

		Editor(Function<String, Number> parse) {
			this.parse = parse;
		}

		@Override
		public void setAsText(String text) {
			if (!isWholeNumber(text)) {
				throw new IllegalArgumentException("Not a whole number");
			}
			// Out of range still fails here, with NumberFormatException.
			setValue(this.parse.apply(text));
		}

	}

}
