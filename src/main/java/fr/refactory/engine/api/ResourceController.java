package fr.refactory.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Resources;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/resources/{key}/deletion}: 200, 404 unknown key, 409 process with active instances (0251). */
@RestController
@ConditionalOnEmbeddedEngine
class ResourceController {

	private final Resources resources;

	ResourceController(Resources resources) {
		this.resources = resources;
	}

	@PostMapping("/v2/resources/{key}/deletion")
	ResponseEntity<Void> delete(@PathVariable long key, @RequestBody(required = false) JsonNode body) {
		this.resources.delete(key);
		return ResponseEntity.ok().build();
	}

}
