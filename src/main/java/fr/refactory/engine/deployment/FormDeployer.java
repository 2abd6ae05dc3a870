package fr.refactory.engine.deployment;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.DefinitionStore.FormVersion;
import fr.refactory.engine.state.KeyGenerator;

import org.springframework.stereotype.Component;

/** Stores a Camunda form (JSON with an {@code id}), one version per changed form id. */
@Component
@ConditionalOnEmbeddedEngine
public class FormDeployer {

	private static final String TENANT = "<default>";

	private final DefinitionStore definitions;

	private final KeyGenerator keys;

	FormDeployer(DefinitionStore definitions, KeyGenerator keys) {
		this.definitions = definitions;
		this.keys = keys;
	}

	public DeploymentResult.Entry deploy(Resource resource, JsonNode form, long deploymentKey) {
		String formId = form.path("id").asText();
		String checksum = Checksums.sha256(resource.content());
		Optional<FormVersion> latest = this.definitions.latestForm(formId);
		if (latest.isPresent() && checksum.equals(latest.get().checksum())) {
			return entry(formId, latest.get().version(), resource.name(), latest.get().key());
		}
		int version = Math.max(latest.map(FormVersion::version).orElse(0),
				this.definitions.highestDeletedVersion(DeletedVersions.FORM, formId)) + 1;
		FormVersion created = new FormVersion(this.keys.nextKey(), version, checksum);
		String versionTag = form.path("versionTag").isTextual() ? form.path("versionTag").asText() : null;
		this.definitions.formCreated(created, formId, resource.name(), form.toString(), deploymentKey, versionTag);
		return entry(formId, version, resource.name(), created.key());
	}

	private static DeploymentResult.Entry entry(String formId, int version, String resourceName, long key) {
		return new DeploymentResult.Entry(null, null, null,
				new DeploymentResult.Form(formId, version, resourceName, TENANT, String.valueOf(key)));
	}

}
