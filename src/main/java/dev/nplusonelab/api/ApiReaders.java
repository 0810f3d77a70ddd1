package dev.nplusonelab.api;

import org.springframework.stereotype.Component;

import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.Mode;

/**
 * The API's readers by mode. Public so that the serializer mistake page renders exactly
 * what the API writes, with the same readers.
 */
@Component
public class ApiReaders {

	private final ByMode<ApiReader> readers;

	ApiReaders(NaiveApiReader naive, OptimizedApiReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	public ApiReader get(Mode mode) {
		return this.readers.get(mode);
	}

}
