package dev.underlay.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {
    static Stream<GraphLayout> layouts() {
        return Stream.of(new LayeredLayout(), new ForceLayout());
    }

    private static double[] positions(PlacedGraph p) {
        double[] out = new double[p.graph().size() * 2];
        for (int i = 0; i < p.graph().size(); i++) {
            out[2 * i] = p.x(i);
            out[2 * i + 1] = p.y(i);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void everyVertexIsPlacedInsideTheDrawingAndTheSameSeedGivesTheSamePicture(GraphLayout layout) {
        TopologyGraph g = TopologyBuilder.build(TopologyFixtures.large(1200));
        PlacedGraph p = layout.layout(g, 42);
        for (int i = 0; i < g.size(); i++) {
            assertTrue(Double.isFinite(p.x(i)) && Double.isFinite(p.y(i)), g.node(i).id());
            assertTrue(p.x(i) >= PlacedGraph.MARGIN - 1e-6 && p.y(i) >= PlacedGraph.MARGIN - 1e-6, g.node(i).id());
            assertTrue(p.x(i) + g.node(i).width() <= p.width() && p.y(i) + g.node(i).height() <= p.height());
        }
        assertArrayEquals(positions(p), positions(layout.layout(g, 42)), layout.id() + " is deterministic");
        assertEquals(layout.id(), p.layoutId());
    }

    @Test
    void layeredPutsEveryContainerAboveWhatItHolds() {
        TopologyGraph g = TopologyBuilder.build(TopologyBuilderTest.demo());
        PlacedGraph p = new LayeredLayout().layout(g, 1);
        for (TopologyEdge e : g.edges()) {
            if (e.kind() != EdgeKind.JUMP) {
                assertTrue(p.y(e.from()) + g.node(e.from()).height() <= p.y(e.to()),
                        g.node(e.from()).id() + " above " + g.node(e.to()).id());
            }
        }
    }

    @Test
    void forceSeedsDiffer() {
        TopologyGraph g = TopologyBuilder.build(TopologyBuilderTest.demo());
        ForceLayout f = new ForceLayout();
        assertTrue(!java.util.Arrays.equals(positions(f.layout(g, 1)), positions(f.layout(g, 2))));
    }

    @Test
    void hitTestsAndRubberBandFindWhatIsThere() {
        TopologyGraph g = TopologyBuilder.build(TopologyFixtures.large(1200));
        PlacedGraph p = new LayeredLayout().layout(g, 1);
        for (int i = 0; i < g.size(); i += 37) {
            assertEquals(i, p.at(p.centerX(i), p.centerY(i)), g.node(i).id());
        }
        assertEquals(-1, p.at(1, 1), "the margin holds nothing");
        int[] all = p.in(0, 0, p.width(), p.height());
        assertEquals(g.size(), all.length);
        int[] some = p.in(p.x(5), p.y(5), p.x(5) + 1, p.y(5) + 1);
        assertTrue(List.of(java.util.Arrays.stream(some).boxed().toArray()).contains(5));
    }

    @Test
    void emptyGraphLaysOut() {
        TopologyGraph g = new TopologyGraph(List.of(), List.of());
        layouts().forEach(l -> assertEquals(0, l.layout(g, 1).graph().size()));
    }
}
