package fr.refactory.engine.api;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.management.ClusterChanges;
import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.TopologyResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v2/topology}: the embedded engine is one broker with one healthy partition.
 * Clients use it as their health check.
 */
@RestController
@ConditionalOnEmbeddedEngine
class TopologyController {

	static final String ENGINE_VERSION = "8.8.14";

	private final int port;

	private final ClusterChanges changes;

	TopologyController(@Value("${server.port:8080}") int port, ClusterChanges changes) {
		this.port = port;
		this.changes = changes;
	}

	@GetMapping(path = "/v2/topology", produces = MediaType.APPLICATION_JSON_VALUE)
	TopologyResponse topology() {
		Partition partition = new Partition().partitionId(1)
			.role(Partition.RoleEnum.LEADER)
			.health(Partition.HealthEnum.HEALTHY);
		BrokerInfo broker = new BrokerInfo().nodeId(0)
			.host("localhost")
			.port(this.port)
			.version(ENGINE_VERSION)
			.addPartitionsItem(partition);
		return new TopologyResponse().addBrokersItem(broker)
			.clusterSize(1)
			.partitionsCount(1)
			.replicationFactor(1)
			.gatewayVersion(ENGINE_VERSION)
			.lastCompletedChangeId(Long.toString(this.changes.lastCompleted()));
	}

}
