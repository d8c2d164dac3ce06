package dev.underlay.topology;

import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Layers from the top down, every edge pointing down where the graph allows (sites over racks over machines,
 * clusters over role groups over members, bastions over the hosts behind them): Eclipse ELK's layered algorithm
 * (Sugiyama: cycle breaking, layering, crossing minimisation, Brandes-Köpf placement), called as a plain library
 * without OSGi or ELK's service registry (decision 0018). Edges are drawn straight between vertices, so ELK's edge
 * routes are not used and it is asked for the cheapest. ELK lays out the coarse graph of {@link MachineBlocks}: a
 * rack's machines are one block under it, so the drawing is a row of racks per site, not one layer of machines.
 */
public final class LayeredLayout implements GraphLayout {
    static {
        // without OSGi nothing registers the layered algorithm's options, and ELK cannot copy their defaults
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredOptions());
    }

    @Override
    public String id() {
        return "layered";
    }

    @Override
    public String title() {
        return "Layered";
    }

    @Override
    public PlacedGraph layout(TopologyGraph graph, long seed) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(LayeredOptions.DIRECTION, Direction.DOWN);
        root.setProperty(LayeredOptions.RANDOM_SEED, (int) seed);
        root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(LayeredOptions.THOROUGHNESS, 1); // 7 by default: seconds more at 5,000 for little
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 14.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, 60.0);
        MachineBlocks blocks = MachineBlocks.of(graph);
        ElkNode[] nodes = new ElkNode[blocks.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = ElkGraphUtil.createNode(root);
            nodes[i].setDimensions(blocks.width(i), blocks.height(i));
        }
        for (int[] e : blocks.edges()) {
            ElkGraphUtil.createSimpleEdge(nodes[e[0]], nodes[e[1]]);
        }
        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());
        double[] x = new double[nodes.length];
        double[] y = new double[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            x[i] = nodes[i].getX();
            y[i] = nodes[i].getY();
        }
        return blocks.place(id(), x, y);
    }
}
