package fr.refactory.engine;

import java.util.Map;

import io.camunda.client.annotation.JobWorker;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test-only worker that exists only in the second application of {@link RemoteModeTest}
 * (engine disabled, client pointed at the first application).
 */
@Component
@ConditionalOnProperty("refactory.test.remote-worker")
public class RemoteEchoWorker {

	@JobWorker(type = "engine-remote-echo")
	public Map<String, Object> echo() {
		return Map.of("handledBy", "remote-worker");
	}

}
