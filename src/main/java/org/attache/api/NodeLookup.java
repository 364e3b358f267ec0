package org.attache.api;

import java.util.List;

/**
 * Records by node id, each as its own query shows it to the caller: what node(id:), nodes(ids:) and a federation
 * gateway's _entities read. Implemented where the records are (node/NodeService), found here through CDI, so that
 * the engine's code does not depend on the features.
 */
public interface NodeLookup {

    /** The records these node ids name, in their order, null for one that names nothing the caller may see. */
    List<Node> find(List<String> nodeIds, int max);
}
