package fr.refactory.plant;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Refactory reaches each plant system:
 * {@code refactory.plant.<system>.mode=simulated|http} and, for http, a base URL and
 * time-outs. The simulated adapters honour latency, failure rate and outage windows so
 * demos can show retries and incidents.
 */
@ConfigurationProperties("refactory.plant")
public record PlantProperties(@DefaultValue SystemSettings mes, @DefaultValue SystemSettings wms,
		@DefaultValue SystemSettings erp, @DefaultValue SystemSettings diag, @DefaultValue SystemSettings btb,
		@DefaultValue SystemSettings eol, @DefaultValue SystemSettings doc, @DefaultValue SystemSettings hrcomp,
		@DefaultValue SystemSettings passport, @DefaultValue SystemSettings supplier,
		@DefaultValue SystemSettings reg) {

	public enum Mode {

		SIMULATED, HTTP

	}

	/**
	 * @param mode which adapter runs
	 * @param baseUrl where the real system listens (http mode only)
	 * @param connectTimeout time allowed to open a connection (http mode)
	 * @param readTimeout time allowed for the answer once the request is sent (http mode)
	 * @param latency added before each simulated answer
	 * @param failureRate share of simulated calls, 0.0 to 1.0, that fail technically
	 * @param outages windows in which every simulated call fails technically
	 */
	public record SystemSettings(@DefaultValue("simulated") Mode mode, URI baseUrl,
			@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
			@DefaultValue("0s") Duration latency, @DefaultValue("0") double failureRate,
			@DefaultValue List<Outage> outages) {

		public SystemSettings {
			if (failureRate < 0 || failureRate > 1) {
				throw new IllegalArgumentException(
						"Expected a failure rate between 0.0 and 1.0, but it was " + failureRate);
			}
		}

		public static SystemSettings simulated() {
			return new SystemSettings(Mode.SIMULATED, null, Duration.ofSeconds(2), Duration.ofSeconds(10),
					Duration.ZERO, 0, List.of());
		}

		public static SystemSettings http(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
			return new SystemSettings(Mode.HTTP, baseUrl, connectTimeout, readTimeout, Duration.ZERO, 0, List.of());
		}

		public SystemSettings withFailureRate(double rate) {
			return new SystemSettings(this.mode, this.baseUrl, this.connectTimeout, this.readTimeout, this.latency,
					rate, this.outages);
		}

		public SystemSettings withLatency(Duration latency) {
			return new SystemSettings(this.mode, this.baseUrl, this.connectTimeout, this.readTimeout, latency,
					this.failureRate, this.outages);
		}

		public SystemSettings withOutages(List<Outage> outages) {
			return new SystemSettings(this.mode, this.baseUrl, this.connectTimeout, this.readTimeout, this.latency,
					this.failureRate, outages);
		}

	}

	/** A window [start, end) in which the simulated system is down. */
	public record Outage(Instant start, Instant end) {

		public Outage {
			if (!end.isAfter(start)) {
				throw new IllegalArgumentException(
						"Expected an outage to end after it starts, but it runs from " + start + " to " + end);
			}
		}

		public boolean covers(Instant instant) {
			return !instant.isBefore(this.start) && instant.isBefore(this.end);
		}

	}

}
