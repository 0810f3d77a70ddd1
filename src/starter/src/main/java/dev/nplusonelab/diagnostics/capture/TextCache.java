package dev.nplusonelab.diagnostics.capture;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The starter's own, not an API for applications. What is read from a statement's text,
 * read once per text. An application runs a few hundred distinct statement texts, and
 * every request asks again; texts with literals in them could be endless, so the cache
 * stops growing at its limit and reads the rest each time.
 *
 * @param <T> what is read
 */
public final class TextCache<T> {

	/**
	 * Distinct texts kept: a few times what an application without literals in its SQL
	 * runs.
	 */
	static final int LIMIT = 2048;

	private final Map<String, T> values = new ConcurrentHashMap<>();

	private final Function<String, T> read;

	public TextCache(Function<String, T> read) {
		this.read = read;
	}

	public T get(String text) {
		T known = this.values.get(text);
		if (known != null) {
			return known;
		}
		T value = this.read.apply(text);
		if (this.values.size() < LIMIT) {
			this.values.putIfAbsent(text, value);
		}
		return value;
	}

}
