package dev.nplusonelab.diagnostics.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The writer a buffered page is written through. A template engine writes a page as
 * thousands of small strings; {@link PrintWriter} over a {@code BufferedWriter} over an
 * {@code OutputStreamWriter} takes two locks for each of them and encodes in 8 KB pieces
 * through a {@code CharsetEncoder}, which was about a twelfth of rendering the lab's book
 * list. This one gathers the strings in a char array without locking, as Tomcat's own
 * writer does, and encodes a full array at once, by hand.
 * <p>
 * Like any response writer it belongs to one request's thread. It writes to the buffer
 * only when it is flushed or its array is full, so the owner flushes it before reading
 * the buffer. A surrogate pair split across two writes is kept whole, as
 * {@code OutputStreamWriter} keeps it: only {@link #close()} encodes a lone high
 * surrogate, as the charset's replacement.
 * <p>
 * Only UTF-8, ISO-8859-1 and US-ASCII, which encode every piece of a text the same as the
 * whole, are written this way; any other charset (UTF-16 writes a byte-order mark at the
 * start of each piece) gets the JDK's writers.
 */
final class PageWriter extends PrintWriter {

	/** Chars gathered before they are encoded. */
	static final int CAPACITY = 8192;

	private final Chars chars;

	/** The writer for a page in {@code charset}. */
	static PrintWriter over(OutputStream out, Charset charset) {
		if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)
				|| charset.equals(StandardCharsets.US_ASCII)) {
			return new PageWriter(out, charset);
		}
		return new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, charset), CAPACITY));
	}

	PageWriter(OutputStream out, Charset charset) {
		this(new Chars(out, charset));
	}

	private PageWriter(Chars chars) {
		super(chars, false);
		this.chars = chars;
	}

	@Override
	public void write(int c) {
		try {
			this.chars.write(c);
		}
		catch (IOException ex) {
			setError();
		}
	}

	@Override
	public void write(char[] buf, int off, int len) {
		try {
			this.chars.write(buf, off, len);
		}
		catch (IOException ex) {
			setError();
		}
	}

	@Override
	public void write(char[] buf) {
		write(buf, 0, buf.length);
	}

	@Override
	public void write(String s, int off, int len) {
		try {
			this.chars.write(s, off, len);
		}
		catch (IOException ex) {
			setError();
		}
	}

	@Override
	public void write(String s) {
		write(s, 0, s.length());
	}

	@Override
	public void flush() {
		try {
			this.chars.flush();
		}
		catch (IOException ex) {
			setError();
		}
	}

	/**
	 * The chars not yet encoded, and the encoding. Never shared between threads, so
	 * nothing here locks.
	 */
	private static final class Chars extends Writer {

		private final OutputStream out;

		private final boolean utf8;

		/** For a single-byte charset, its last char. */
		private final char highest;

		private final char[] buffer = new char[CAPACITY];

		/** Up to three bytes for each char in UTF-8. */
		private final byte[] bytes;

		private int count;

		private boolean closed;

		Chars(OutputStream out, Charset charset) {
			this.out = out;
			this.utf8 = charset.equals(StandardCharsets.UTF_8);
			this.highest = charset.equals(StandardCharsets.US_ASCII) ? '\u007F' : '\u00FF';
			this.bytes = new byte[this.utf8 ? 3 * CAPACITY : CAPACITY];
		}

		@Override
		public void write(int c) throws IOException {
			open();
			if (this.count == CAPACITY) {
				drain(false);
			}
			this.buffer[this.count++] = (char) c;
		}

		@Override
		public void write(char[] chars, int off, int len) throws IOException {
			open();
			if (off < 0 || len < 0 || off > chars.length - len) {
				throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + chars.length);
			}
			while (len > 0) {
				if (this.count == CAPACITY) {
					drain(false);
				}
				int n = Math.min(len, CAPACITY - this.count);
				System.arraycopy(chars, off, this.buffer, this.count, n);
				this.count += n;
				off += n;
				len -= n;
			}
		}

		@Override
		public void write(String s, int off, int len) throws IOException {
			open();
			if (off < 0 || len < 0 || off > s.length() - len) {
				throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + s.length());
			}
			while (len > 0) {
				if (this.count == CAPACITY) {
					drain(false);
				}
				int n = Math.min(len, CAPACITY - this.count);
				s.getChars(off, off + n, this.buffer, this.count);
				this.count += n;
				off += n;
				len -= n;
			}
		}

		@Override
		public void flush() throws IOException {
			open();
			drain(false);
			this.out.flush();
		}

		@Override
		public void close() throws IOException {
			if (!this.closed) {
				this.closed = true;
				drain(true);
				this.out.close();
			}
		}

		private void open() throws IOException {
			if (this.closed) {
				throw new IOException("Stream closed");
			}
		}

		/**
		 * Encodes what is gathered, except a high surrogate at the end, whose low half is
		 * still to come, unless this is the last drain.
		 */
		private void drain(boolean last) throws IOException {
			int end = this.count;
			if (!last && end > 0 && Character.isHighSurrogate(this.buffer[end - 1])) {
				end--;
			}
			if (end > 0) {
				this.out.write(this.bytes, 0, this.utf8 ? utf8(end) : singleByte(end));
			}
			if (end < this.count) {
				this.buffer[0] = this.buffer[end];
			}
			this.count -= end;
		}

		/**
		 * UTF-8, by hand: {@code new String(chars).getBytes()} copies the chars twice
		 * first, and that copying cost more than the JDK's writer it replaces. Like the
		 * JDK's encoders, a surrogate without its other half becomes {@code '?'}.
		 */
		private int utf8(int end) {
			char[] chars = this.buffer;
			byte[] bytes = this.bytes;
			int at = 0;
			for (int i = 0; i < end; i++) {
				char c = chars[i];
				if (c < 0x80) {
					bytes[at++] = (byte) c;
				}
				else if (c < 0x800) {
					bytes[at++] = (byte) (0xC0 | (c >> 6));
					bytes[at++] = (byte) (0x80 | (c & 0x3F));
				}
				else if (!Character.isSurrogate(c)) {
					bytes[at++] = (byte) (0xE0 | (c >> 12));
					bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
					bytes[at++] = (byte) (0x80 | (c & 0x3F));
				}
				else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
					int point = Character.toCodePoint(c, chars[++i]);
					bytes[at++] = (byte) (0xF0 | (point >> 18));
					bytes[at++] = (byte) (0x80 | ((point >> 12) & 0x3F));
					bytes[at++] = (byte) (0x80 | ((point >> 6) & 0x3F));
					bytes[at++] = (byte) (0x80 | (point & 0x3F));
				}
				else {
					bytes[at++] = '?';
				}
			}
			return at;
		}

		/**
		 * ISO-8859-1 or US-ASCII: a char beyond the charset, or a surrogate pair (one
		 * character), becomes one {@code '?'}, as with the JDK's encoders.
		 */
		private int singleByte(int end) {
			char[] chars = this.buffer;
			byte[] bytes = this.bytes;
			int at = 0;
			for (int i = 0; i < end; i++) {
				char c = chars[i];
				if (c <= this.highest) {
					bytes[at++] = (byte) c;
				}
				else {
					if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
						i++;
					}
					bytes[at++] = '?';
				}
			}
			return at;
		}

	}

}
