package dev.nplusonelab.diagnostics.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page writer writes the same bytes as the JDK's {@code PrintWriter} over an
 * {@code OutputStreamWriter}, whatever the sizes of the writes, wherever a surrogate pair
 * falls, and in any charset; and it keeps {@code PrintWriter}'s error contract.
 */
class PageWriterTests {

	/**
	 * ASCII, Latin-1, the BMP beyond it, a pair outside it (two chars), and each half of
	 * a pair alone, which randomly joined make pairs and lone halves.
	 */
	private static final String[] PIECES = { "<td>", "x", "\u007F", "\u0080", "é", "ÿ", "\u07FF", "\u0800", "—", "★",
			"書", "\uFFFF", "😀", "\uD83D", "\uDE00", "</tr>\n", "&amp;", "" };

	@ParameterizedTest
	@ValueSource(strings = { "UTF-8", "ISO-8859-1", "US-ASCII", "UTF-16", "windows-1252" })
	void writesWhatTheJdkWriterWrites(String name) {
		Charset charset = Charset.forName(name);
		Random random = new Random(42);
		for (int page = 0; page < 40; page++) {
			StringBuilder script = new StringBuilder();
			int writes = random.nextInt(4000);
			for (int i = 0; i < writes; i++) {
				script.append(PIECES[random.nextInt(PIECES.length)]);
				if (random.nextInt(50) == 0) {
					// A long run, so that writes cross the buffer's end at every offset.
					script.append("y".repeat(random.nextInt(2 * PageWriter.CAPACITY)));
				}
			}
			long seed = random.nextLong();
			Consumer<PrintWriter> writing = (writer) -> write(writer, script.toString(), new Random(seed));
			assertThat(bytes((out) -> PageWriter.over(out, charset), writing, false)).as("page %d in %s", page, name)
				.isEqualTo(bytes((out) -> jdk(out, charset), writing, false));
		}
	}

	/** Writes {@code text} in pieces of random sizes through every write method. */
	private static void write(PrintWriter writer, String text, Random random) {
		int at = 0;
		while (at < text.length()) {
			int n = Math.min(text.length() - at, 1 + random.nextInt(random.nextBoolean() ? 8 : 3000));
			switch (random.nextInt(7)) {
				case 0 -> writer.write(text.substring(at, at + n));
				case 1 -> writer.write(text, at, n);
				case 2 -> writer.write(text.toCharArray(), at, n);
				case 3 -> writer.write(text.substring(at, at + n).toCharArray());
				case 4 -> writer.print(text.substring(at, at + n));
				case 5 -> writer.append(text, at, at + n);
				default -> {
					n = 1;
					writer.write(text.charAt(at));
				}
			}
			at += n;
			if (random.nextInt(200) == 0) {
				writer.flush();
			}
		}
	}

	@Test
	void takesTheFastWayOnlyWhereEveryPieceEncodesAsTheWhole() {
		assertThat(PageWriter.over(new ByteArrayOutputStream(), StandardCharsets.UTF_8)).isInstanceOf(PageWriter.class);
		assertThat(PageWriter.over(new ByteArrayOutputStream(), StandardCharsets.ISO_8859_1))
			.isInstanceOf(PageWriter.class);
		assertThat(PageWriter.over(new ByteArrayOutputStream(), StandardCharsets.US_ASCII))
			.isInstanceOf(PageWriter.class);
		assertThat(PageWriter.over(new ByteArrayOutputStream(), StandardCharsets.UTF_16))
			.isNotInstanceOf(PageWriter.class);
	}

	@Test
	void keepsASurrogatePairWholeAcrossAFlush() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PageWriter writer = new PageWriter(out, StandardCharsets.UTF_8);
		writer.write("a\uD83D");
		writer.flush();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a");
		writer.write('\uDE00');
		writer.flush();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a😀");
	}

	@Test
	void keepsASurrogatePairWholeAcrossTheBufferEnd() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PageWriter writer = new PageWriter(out, StandardCharsets.UTF_8);
		String page = "z".repeat(PageWriter.CAPACITY - 1) + "😀" + "z".repeat(PageWriter.CAPACITY);
		writer.write(page);
		writer.flush();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(page);
	}

	@Test
	void closingWritesALoneHighSurrogateAsTheJdkDoes() {
		Consumer<PrintWriter> writing = (writer) -> writer.write("end\uD83D");
		assertThat(bytes((out) -> new PageWriter(out, StandardCharsets.UTF_8), writing, true))
			.isEqualTo(bytes((out) -> jdk(out, StandardCharsets.UTF_8), writing, true));
	}

	@Test
	void writesNothingUntilFlushed() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PageWriter writer = new PageWriter(out, StandardCharsets.UTF_8);
		writer.write("<p>");
		assertThat(out.size()).isZero();
		writer.flush();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("<p>");
	}

	@Test
	void anErrorIsReportedByCheckErrorNeverThrown() {
		OutputStream broken = new OutputStream() {

			@Override
			public void write(int b) throws IOException {
				throw new IOException("gone");
			}

		};
		PageWriter writer = new PageWriter(broken, StandardCharsets.UTF_8);
		writer.write("x".repeat(3 * PageWriter.CAPACITY));
		assertThat(writer.checkError()).isTrue();
	}

	@Test
	void writingAfterCloseIsAnErrorAsWithTheJdkWriter() {
		PageWriter writer = new PageWriter(new ByteArrayOutputStream(), StandardCharsets.UTF_8);
		writer.close();
		writer.write("late");
		assertThat(writer.checkError()).isTrue();
		PrintWriter jdk = jdk(new ByteArrayOutputStream(), StandardCharsets.UTF_8);
		jdk.close();
		jdk.write("late");
		assertThat(jdk.checkError()).isTrue();
	}

	private static PrintWriter jdk(OutputStream out, Charset charset) {
		return new PrintWriter(new OutputStreamWriter(out, charset));
	}

	private static byte[] bytes(Function<OutputStream, PrintWriter> writers, Consumer<PrintWriter> writing,
			boolean close) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintWriter writer = writers.apply(out);
		writing.accept(writer);
		if (close) {
			writer.close();
		}
		else {
			writer.flush();
		}
		assertThat(writer.checkError()).isFalse();
		return out.toByteArray();
	}

}
