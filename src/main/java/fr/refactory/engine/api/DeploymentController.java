package fr.refactory.engine.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Deployments;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.deployment.DeploymentResult;
import fr.refactory.engine.deployment.Resource;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /v2/deployments}: multipart parts {@code resources} (raw bytes, with file
 * names) and {@code tenantId}.
 */
@RestController
@ConditionalOnEmbeddedEngine
class DeploymentController {

	private final Deployments deployments;

	DeploymentController(Deployments deployments) {
		this.deployments = deployments;
	}

	@PostMapping(path = "/v2/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	DeploymentResult deploy(@RequestPart("resources") List<MultipartFile> files) throws IOException {
		List<Resource> resources = new ArrayList<>();
		for (MultipartFile file : files) {
			String name = file.getOriginalFilename() == null ? file.getName() : file.getOriginalFilename();
			if (name.indexOf('\0') >= 0) {
				throw Rejection.invalidArgument(
						"Expected resources with file names without the NUL character (\\u0000), but one has it");
			}
			resources.add(new Resource(name, file.getBytes()));
		}
		return this.deployments.deploy(resources);
	}

}
