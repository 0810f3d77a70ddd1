package dev.nplusonelab.diagnostics.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The little JSON a baseline file needs, written and read by hand: the starter cannot
 * count on one JSON library being on an application's test classpath (Jackson 2, Jackson
 * 3 or neither), and a file meant to be committed must come out the same, byte for byte,
 * for the same counts. Objects are written with their keys sorted, two spaces a level,
 * one member a line; the reader takes any JSON text.
 */
final class BaselineJson {

	private BaselineJson() {
	}

	/**
	 * Writes maps (as objects, keys sorted), lists, strings, numbers, booleans and nulls.
	 */
	static String write(Object value) {
		StringBuilder json = new StringBuilder();
		write(value, json, 0);
		return json.append('\n').toString();
	}

	private static void write(@Nullable Object value, StringBuilder json, int depth) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((key, member) -> sorted.put(String.valueOf(key), member));
			if (sorted.isEmpty()) {
				json.append("{ }");
				return;
			}
			json.append("{\n");
			int written = 0;
			for (Map.Entry<String, Object> member : sorted.entrySet()) {
				indent(json, depth + 1);
				string(member.getKey(), json);
				json.append(" : ");
				write(member.getValue(), json, depth + 1);
				json.append((++written < sorted.size()) ? ",\n" : "\n");
			}
			indent(json, depth);
			json.append('}');
		}
		else if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				json.append("[ ]");
				return;
			}
			json.append("[\n");
			for (int i = 0; i < list.size(); i++) {
				indent(json, depth + 1);
				write(list.get(i), json, depth + 1);
				json.append((i + 1 < list.size()) ? ",\n" : "\n");
			}
			indent(json, depth);
			json.append(']');
		}
		else if (value instanceof String text) {
			string(text, json);
		}
		else if (value == null || value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else {
			throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
		}
	}

	private static void indent(StringBuilder json, int depth) {
		json.append("  ".repeat(depth));
	}

	private static void string(String text, StringBuilder json) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	/**
	 * Reads JSON text: objects as maps in their order, arrays as lists, integers as
	 * {@code Long}, other numbers as {@code Double}.
	 * @throws IllegalArgumentException where the text is not JSON, with the position
	 */
	static @Nullable Object read(String text) {
		Reader reader = new Reader(text);
		Object value = reader.value();
		reader.space();
		if (reader.at < text.length()) {
			throw reader.error("end of the text");
		}
		return value;
	}

	private static final class Reader {

		private final String text;

		private int at;

		Reader(String text) {
			this.text = text;
		}

		@Nullable Object value() {
			space();
			if (this.at >= this.text.length()) {
				throw error("a value");
			}
			char c = this.text.charAt(this.at);
			return switch (c) {
				case '{' -> object();
				case '[' -> array();
				case '"' -> string();
				case 't' -> word("true", Boolean.TRUE);
				case 'f' -> word("false", Boolean.FALSE);
				case 'n' -> word("null", null);
				default -> number();
			};
		}

		private Map<String, @Nullable Object> object() {
			Map<String, @Nullable Object> object = new LinkedHashMap<>();
			this.at++;
			space();
			if (next('}')) {
				return object;
			}
			do {
				space();
				if (this.at >= this.text.length() || this.text.charAt(this.at) != '"') {
					throw error("a member name");
				}
				String key = string();
				space();
				expect(':');
				object.put(key, value());
				space();
			}
			while (next(','));
			expect('}');
			return object;
		}

		private List<@Nullable Object> array() {
			List<@Nullable Object> array = new ArrayList<>();
			this.at++;
			space();
			if (next(']')) {
				return array;
			}
			do {
				array.add(value());
				space();
			}
			while (next(','));
			expect(']');
			return array;
		}

		private String string() {
			StringBuilder string = new StringBuilder();
			this.at++;
			while (true) {
				if (this.at >= this.text.length()) {
					throw error("the end of a string");
				}
				char c = this.text.charAt(this.at++);
				if (c == '"') {
					return string.toString();
				}
				if (c != '\\') {
					string.append(c);
					continue;
				}
				if (this.at >= this.text.length()) {
					throw error("an escape");
				}
				char escaped = this.text.charAt(this.at++);
				switch (escaped) {
					case '"', '\\', '/' -> string.append(escaped);
					case 'n' -> string.append('\n');
					case 'r' -> string.append('\r');
					case 't' -> string.append('\t');
					case 'b' -> string.append('\b');
					case 'f' -> string.append('\f');
					case 'u' -> {
						if (this.at + 4 > this.text.length()) {
							throw error("four hex digits");
						}
						try {
							string.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
						}
						catch (NumberFormatException ex) {
							throw error("four hex digits");
						}
						this.at += 4;
					}
					default -> throw error("an escape");
				}
			}
		}

		private Number number() {
			int start = this.at;
			while (this.at < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.at)) >= 0) {
				this.at++;
			}
			String number = this.text.substring(start, this.at);
			try {
				return (number.matches("-?\\d+")) ? (Number) Long.valueOf(number) : (Number) Double.valueOf(number);
			}
			catch (NumberFormatException ex) {
				this.at = start;
				throw error("a value");
			}
		}

		private @Nullable Object word(String word, @Nullable Object value) {
			if (!this.text.startsWith(word, this.at)) {
				throw error("a value");
			}
			this.at += word.length();
			return value;
		}

		private boolean next(char c) {
			if (this.at < this.text.length() && this.text.charAt(this.at) == c) {
				this.at++;
				return true;
			}
			return false;
		}

		private void expect(char c) {
			if (!next(c)) {
				throw error("'" + c + "'");
			}
		}

		void space() {
			while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
				this.at++;
			}
		}

		IllegalArgumentException error(String expected) {
			return new IllegalArgumentException("Expected " + expected + " at character " + (this.at + 1));
		}

	}

}
