package fr.refactory.workers.vin;

import java.util.HashMap;
import java.util.Map;

import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.BOOLEAN;
import static fr.refactory.workers.support.JobContract.Type.NUMBER;

/**
 * {@code vin.validate} (step 1.1): normalises the VIN and computes the inputs of decision D1. A pure function, so a
 * job delivered twice gives the same answer. The task maps the VIN as typed to {@code rawVin} (first attempt: the
 * announced {@code vin}); the outputs are the names the model's output mappings read.
 */
@Component
public class ValidateVinWorker {

	@JobWorker(type = "vin.validate", fetchVariables = { "rawVin", "vin" })
	@JobContract(name = "VIN: validate",
			description = "1.1: normalises the VIN as typed and computes the inputs of decision D1.",
			inputs = { @Var(name = "rawVin", description = "The VIN as typed (first attempt: the announced vin)"),
					@Var(name = "vin", description = "The announced VIN") },
			outputs = { @Var(name = "vin", description = "The normalised VIN"),
					@Var(name = "vinCharsetValid", type = BOOLEAN, description = "VIN charset valid"),
					@Var(name = "vinCheckDigitMatches", type = BOOLEAN, description = "VIN check digit matches"),
					@Var(name = "vinLength", type = NUMBER, description = "VIN length"),
					@Var(name = "vinRegion", description = "VIN region") })
	public Map<String, Object> validate(@Variable(name = "rawVin") String rawVin, @Variable(name = "vin") String vin) {
		VinCheck check = VinCheck.of((rawVin != null) ? rawVin : vin);
		Map<String, Object> variables = new HashMap<>();
		variables.put("vin", check.vin());
		variables.put("vinLength", check.length());
		variables.put("vinCharsetValid", check.charsetValid());
		variables.put("vinRegion", check.region());
		variables.put("vinCheckDigitMatches", check.checkDigitMatches());
		return variables;
	}

}
