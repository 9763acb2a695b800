package io.podservice.command.node;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.identity.Operators;
import org.springframework.stereotype.Service;

/**
 * What operators do to nodes (the operator API, not JD Cloud's): cordon (no new pods), drain
 * (cordon, and move its pods to other nodes with room), uncordon. Only an operator's key may.
 */
@Service
public class NodeOperations {

    private final Operators operators;
    private final RegionCatalog regions;
    private final CommandSender sender;

    NodeOperations(Operators operators, RegionCatalog regions, CommandSender sender) {
        this.operators = operators;
        this.regions = regions;
        this.sender = sender;
    }

    public void cordon(String regionId, String nodeId, boolean drain) {
        operators.requireOperator();
        regions.require(regionId);
        sender.send(new NodeCommands.CordonNode(nodeId, drain), "Node", nodeId);
    }

    public void uncordon(String regionId, String nodeId) {
        operators.requireOperator();
        regions.require(regionId);
        sender.send(new NodeCommands.UncordonNode(nodeId), "Node", nodeId);
    }
}
