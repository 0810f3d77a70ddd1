package dev.nplusonelab.store;

import java.util.Objects;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A value that may not be loaded yet, the way an ORM's lazy association works: reading it
 * the first time may run a query. The optimized pages fill it up front with {@link #of};
 * the naive pages hand the template a loader with {@link #loading}, so the template
 * itself triggers one statement per row, invisible in the Java code, exactly like a lazy
 * proxy.
 * <p>
 * Two values are equal when what they load is equal, so both modes' view models compare
 * equal.
 * <p>
 * Jackson writes the loaded value in its place ({@link JsonValue}), so a JSON response
 * built from naive records runs its queries while it is being written, like a nested
 * serializer walking lazy relations.
 */
public final class Lazy<T> implements Supplier<T> {

	private @Nullable Supplier<T> loader;

	private @Nullable T value;

	private Lazy(@Nullable Supplier<T> loader, @Nullable T value) {
		this.loader = loader;
		this.value = value;
	}

	public static <T> Lazy<T> of(T value) {
		return new Lazy<>(null, value);
	}

	public static <T> Lazy<T> loading(Supplier<T> loader) {
		return new Lazy<>(loader, null);
	}

	@Override
	@JsonValue
	public synchronized T get() {
		Supplier<T> pending = this.loader;
		if (pending != null) {
			this.value = pending.get();
			this.loader = null;
		}
		return this.value;
	}

	public synchronized boolean isLoaded() {
		return this.loader == null;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || other instanceof Lazy<?> lazy && Objects.equals(get(), lazy.get());
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(get());
	}

	@Override
	public String toString() {
		return isLoaded() ? String.valueOf(this.value) : "Lazy(not loaded)";
	}

}
