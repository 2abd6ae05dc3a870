package fr.refactory.plant.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.PlantProperties.SystemSettings;
import fr.refactory.plant.PlantTechnicalException;
import fr.refactory.plant.diag.DiagnosticBench;
import fr.refactory.plant.diag.DiagnosticRequest;
import fr.refactory.plant.diag.HttpDiagnosticBench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A plant system that accepts the connection and the request but never answers: the
 * adapter gives up after its read time-out with a retryable technical failure instead of
 * holding the job forever.
 */
class HttpAdapterTimeoutTest {

	private final ServerSocket silentServer = silentServer();

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	HttpAdapterTimeoutTest() {
		Thread acceptor = new Thread(this::acceptForever, "silent-plant-system");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	@AfterEach
	void close() throws IOException {
		this.silentServer.close();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

	@Test
	void shouldFailTechnicallyWhenTheBenchAcceptsButNeverAnswers() {
		SystemSettings settings = SystemSettings.http(
				URI.create("http://127.0.0.1:" + this.silentServer.getLocalPort() + "/"), Duration.ofSeconds(2),
				Duration.ofMillis(300));
		DiagnosticBench bench = new HttpDiagnosticBench(new PlantHttpClient("diag", settings, FakePlantSystem.json()));

		assertThatExceptionOfType(PlantTechnicalException.class)
			.isThrownBy(() -> bench.readVehicleData(new DiagnosticRequest("VF1MA000012345678", "DIAG-1", false)))
			.satisfies((ex) -> {
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.system()).isEqualTo("diag");
			})
			.withCauseInstanceOf(HttpTimeoutException.class);
	}

	private void acceptForever() {
		try {
			while (!this.silentServer.isClosed()) {
				this.accepted.add(this.silentServer.accept());
			}
		}
		catch (IOException ex) {
			// closed at the end of the test
		}
	}

	private static ServerSocket silentServer() {
		try {
			return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
