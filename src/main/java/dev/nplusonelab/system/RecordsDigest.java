package dev.nplusonelab.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * A short fingerprint of the records a page rendered: the first 12 hex digits of the
 * SHA-256 of their canonical text. View models are records of records, lists, numbers and
 * text, so their canonical text is their {@code toString()}, which is equal exactly when
 * they are (a value the page never loaded reads {@code Lazy(not loaded)} and so would
 * differ). Computed once the view has rendered, and never by loading anything.
 */
public final class RecordsDigest {

	/**
	 * Response headers with the digest and the count, for scripts and the compare view.
	 */
	public static final String DIGEST_HEADER = "X-Records-Digest";

	public static final String COUNT_HEADER = "X-Records-Count";

	static final String ATTRIBUTE = RecordsDigest.class.getName();

	private final PageRecords records;

	private @Nullable String hex;

	RecordsDigest(PageRecords records) {
		this.records = records;
	}

	public int count() {
		return this.records.recordCount();
	}

	/** Computed on first use, which is after the records rendered. */
	public synchronized String hex() {
		if (this.hex == null) {
			this.hex = of(String.valueOf(this.records));
		}
		return this.hex;
	}

	public static String of(String canonical) {
		try {
			byte[] sha = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
