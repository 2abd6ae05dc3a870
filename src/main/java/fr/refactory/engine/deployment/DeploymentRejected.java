package fr.refactory.engine.deployment;

import fr.refactory.engine.Rejection;

/**
 * A resource that cannot be deployed; the message names the resource, the element and the
 * reason.
 */
public class DeploymentRejected extends Rejection {

	public DeploymentRejected(String message) {
		super(Kind.INVALID_ARGUMENT, message);
	}

}
