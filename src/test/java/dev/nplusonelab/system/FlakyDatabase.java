package dev.nplusonelab.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An embedded PostgreSQL behind a TCP proxy that a test can cut and restore: the
 * application connects to the proxy, so cutting it looks like the database server going
 * away (open connections drop, new ones are refused) and restoring it like the server
 * coming back, without restarting anything.
 */
final class FlakyDatabase implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private final ServerSocket listener;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private FlakyDatabase(EmbeddedPostgres postgres) throws IOException {
		this.postgres = postgres;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "flaky-database-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	static FlakyDatabase start() {
		try {
			return new FlakyDatabase(EmbeddedPostgres.builder()
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setPGStartupWait(Duration.ofSeconds(30))
				.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The JDBC URL of the proxy, the only way the application reaches the database. */
	String url() {
		return "jdbc:postgresql://127.0.0.1:" + this.listener.getLocalPort() + "/postgres";
	}

	/** The database goes away: every open connection drops and new ones are refused. */
	void cut() {
		this.cut = true;
		this.open.forEach(FlakyDatabase::closeQuietly);
		this.open.clear();
	}

	/** The database is back. */
	void restore() {
		this.cut = false;
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				if (this.cut) {
					closeQuietly(client);
					continue;
				}
				Socket server = new Socket();
				server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.postgres.getPort()), 5000);
				this.open.add(client);
				this.open.add(server);
				pump(client, server);
				pump(server, client);
			}
			catch (IOException ex) {
				// Closed while accepting, or the database refused: the client sees a
				// drop.
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// One side closed: close both, as a dropped TCP connection does.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "flaky-database-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
	}

	@Override
	public void close() throws IOException {
		cut();
		this.listener.close();
		this.postgres.close();
	}

	/**
	 * Starts the database and its proxy before the application, points
	 * {@code spring.datasource.url} at the proxy, and offers the proxy to tests as a
	 * bean. The database stops with the context.
	 */
	static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			FlakyDatabase database = start();
			TestPropertyValues.of("spring.datasource.url=" + database.url(), "spring.datasource.username=postgres")
				.applyTo(context);
			context.getBeanFactory().registerSingleton("flakyDatabase", database);
			// Registered before any other bean, so destroyed after all of them: the
			// pool closes its connections while the database is still there.
			((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("flakyDatabase",
					database::close);
		}

	}

}
