package fr.refactory.workers.message;

import java.util.Map;

import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import io.camunda.client.CamundaClient;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Header;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.CONTEXT;

/**
 * {@code process.publishMessage} (processes/README, "Messages between processes"): publishes the task header
 * {@code messageName} with the inputs {@code correlationKey} and {@code messageVariables}. The message id is the job
 * key, so a job delivered twice does not publish a second message while the first is buffered.
 */
@Component
public class PublishMessageWorker {

	private final CamundaClient client;

	PublishMessageWorker(CamundaClient client) {
		this.client = client;
	}

	@JobWorker(type = "process.publishMessage", fetchVariables = { "correlationKey", "messageVariables" })
	@JobContract(name = "Process: publish message", elementType = "bpmn:SendTask",
			description = "Publishes the message named in the header, once per job, with the correlation key and variables given.",
			inputs = { @Var(name = "correlationKey", description = "Correlation key of the receiving process", required = true),
					@Var(name = "messageVariables", type = CONTEXT, description = "Variables the message carries") },
			headers = { @Header(key = "messageName", description = "Message name", values = { "BatteryReceived", "CoreAnnounced", "CoreReceived" }, required = true) })
	public Map<String, Object> publish(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String messageName = vars.requireHeader("messageName");
		String correlationKey = vars.requireText("correlationKey");
		try {
			this.client.newPublishMessageCommand()
				.messageName(messageName)
				.correlationKey(correlationKey)
				.messageId(messageId(job))
				.variables(vars.map("messageVariables"))
				.send()
				.join();
		}
		catch (ClientException ex) {
			// the engine did not take the message: retry with back-off, then an incident
			throw CamundaError.jobError("process.publishMessage: " + ex.getMessage(), Map.of(),
					Math.max(job.getRetries() - 1, 0), JobOutcome.RETRY_BACKOFF, ex);
		}
		return Map.of();
	}

	public static String messageId(ActivatedJob job) {
		return job.getType() + ":" + job.getKey();
	}

}
