package fr.refactory.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Resources;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.DefinitionStore.DeployedResource;
import fr.refactory.engine.state.DefinitionStore.ResourceKind;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v2/resources/{key}/deletion}: 200, 404 unknown key, 409 process with
 * active instances (0251); {@code GET /v2/resources/{key}} and its {@code /content}: a
 * deployed process, DRD or form (ADR 1022).
 */
@RestController
@ConditionalOnEmbeddedEngine
class ResourceController {

	private final Resources resources;

	private final DefinitionStore definitions;

	ResourceController(Resources resources, DefinitionStore definitions) {
		this.resources = resources;
		this.definitions = definitions;
	}

	@GetMapping(path = "/v2/resources/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResourceResult get(@PathVariable long key) {
		return ResourceResult.of(this.definitions.resource(key));
	}

	/**
	 * The text as it was deployed: XML for BPMN and DMN; a form's JSON as plain text,
	 * because the Camunda client reads this answer as one string and would parse a
	 * JSON-typed one as a JSON value (ADR 1022).
	 */
	@GetMapping(path = "/v2/resources/{key}/content")
	ResponseEntity<String> content(@PathVariable long key) {
		DeployedResource resource = this.definitions.resource(key);
		MediaType type = resource.kind() == ResourceKind.FORM ? MediaType.TEXT_PLAIN : MediaType.TEXT_XML;
		return ResponseEntity.ok().contentType(type).body(resource.content());
	}

	@PostMapping("/v2/resources/{key}/deletion")
	ResponseEntity<Void> delete(@PathVariable long key, @RequestBody(required = false) JsonNode body) {
		this.resources.delete(key);
		return ResponseEntity.ok().build();
	}

	/** {@code ResourceResult}. */
	record ResourceResult(String resourceKey, String resourceId, int version, String versionTag, String resourceName,
			String tenantId) {

		static ResourceResult of(DeployedResource resource) {
			return new ResourceResult(String.valueOf(resource.key()), resource.resourceId(), resource.version(),
					resource.versionTag(), resource.resourceName(), "<default>");
		}

	}

}
