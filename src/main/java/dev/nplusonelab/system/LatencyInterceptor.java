package dev.nplusonelab.system;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerInterceptor;

import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.NPlusOneProperties;

/**
 * {@code ?latency=5} adds 5 ms before every statement of the request, the round trip to a
 * database in another zone. On localhost a statement costs a fraction of a millisecond,
 * which hides what N+1 costs in production; with the delay, 300 statements cost 300 round
 * trips. Where {@code nplusone.request-latency} is off (the {@code prod} profile), the
 * parameter is refused: nobody on the internet may make the application sleep.
 */
class LatencyInterceptor implements HandlerInterceptor {

	static final String PARAMETER = "latency";

	private final @Nullable SqlCapture capture;

	private final long maxMillis;

	private final boolean enabled;

	/**
	 * @param capture the diagnostics that delay the statements, or {@code null} when
	 * {@code nplusone.enabled=false} left none
	 */
	LatencyInterceptor(@Nullable SqlCapture capture, NPlusOneProperties properties) {
		this.capture = capture;
		this.maxMillis = properties.getMaxLatency().toMillis();
		this.enabled = properties.isRequestLatency();
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String[] values = request.getParameterValues(PARAMETER);
		if (values == null || values.length == 1 && values[0].isEmpty()) {
			return true;
		}
		if (!this.enabled) {
			throw new SwitchedOffException("Latency injection is switched off in this deployment: "
					+ "send the request without the latency parameter.");
		}
		if (this.capture == null) {
			throw new SwitchedOffException("Latency injection needs the SQL diagnostics, which are switched off "
					+ "in this deployment (nplusone.enabled=false): send the request without the latency parameter.");
		}
		if (values.length > 1) {
			throw new BadRequestException("Send latency once, not " + values.length + " times.");
		}
		if (!StrictNumbers.isWholeNumber(values[0]) || values[0].length() > 6) {
			throw new BadRequestException("latency must be a whole number of milliseconds, not "
					+ BadRequestException.quote(values[0]) + ".");
		}
		long millis = Long.parseLong(values[0]);
		if (millis < 0 || millis > this.maxMillis) {
			throw new BadRequestException("latency must be from 0 to " + this.maxMillis + " ms, not " + millis + ".");
		}
		this.capture.injectLatency(Duration.ofMillis(millis));
		return true;
	}

}
