package fr.refactory.workers.vin;

import java.util.HashMap;
import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;

import org.springframework.stereotype.Component;

/**
 * {@code vin.validate} (step 1.1): normalises the VIN and computes the inputs of decision D1. A pure function, so a
 * job delivered twice gives the same answer.
 */
@Component
class ValidateVinWorker {

	@JobWorker(type = "vin.validate", fetchVariables = "vin")
	Map<String, Object> validate(@Variable(name = "vin") String rawVin) {
		VinCheck check = VinCheck.of(rawVin);
		Map<String, Object> variables = new HashMap<>();
		variables.put("vin", check.vin());
		variables.put("length", check.length());
		variables.put("charsetValid", check.charsetValid());
		variables.put("region", check.region());
		variables.put("checkDigitMatches", check.checkDigitMatches());
		return variables;
	}

}
