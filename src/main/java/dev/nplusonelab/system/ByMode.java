package dev.nplusonelab.system;

/**
 * The naive and the optimized implementation of one page, side by side. Controllers hold
 * one and pick by the request's mode; the view never learns which one filled its model.
 */
public record ByMode<T>(T naive, T optimized) {

	public T get(Mode mode) {
		return mode.isNaive() ? this.naive : this.optimized;
	}

}
