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

    @ParameterizedTest
    @MethodSource("layouts")
    void noTwoBoxesOverlap(GraphLayout layout) {
        for (TopologyGraph g : List.of(TopologyBuilder.build(TopologyBuilderTest.demo()),
                TopologyBuilder.build(TopologyFixtures.large(1200)))) {
            PlacedGraph p = layout.layout(g, 7);
            for (int i = 0; i < g.size(); i++) {
                int a = i;
                // shrunk by a hair: boxes of a block touch no edge, but the hit test counts touching as overlap
                p.forEachIn(p.x(i) + 0.01, p.y(i) + 0.01, p.x(i) + g.node(i).width() - 0.01,
                        p.y(i) + g.node(i).height() - 0.01, j -> assertTrue(j == a || !inside(p, j, a),
                                layout.id() + ": " + g.node(a).id() + " overlaps " + g.node(j).id()));
            }
        }
    }

    private static boolean inside(PlacedGraph p, int j, int a) {
        TopologyNode n = p.graph().node(j);
        TopologyNode m = p.graph().node(a);
        return p.x(j) < p.x(a) + m.width() - 0.01 && p.x(j) + n.width() > p.x(a) + 0.01
                && p.y(j) < p.y(a) + m.height() - 0.01 && p.y(j) + n.height() > p.y(a) + 0.01;
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void aRacksMachinesAreOneCompactBlock(GraphLayout layout) {
        TopologyGraph g = TopologyBuilder.build(TopologyFixtures.large(1200));
        PlacedGraph p = layout.layout(g, 3);
        int rack = g.indexOf("rack:s01-r02");
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        int machines = 0;
        for (TopologyEdge e : g.edges()) {
            if (e.from() == rack && e.kind() == EdgeKind.CONTAINS) {
                machines++;
                minX = Math.min(minX, p.x(e.to()));
                minY = Math.min(minY, p.y(e.to()));
                maxX = Math.max(maxX, p.x(e.to()) + g.node(e.to()).width());
                maxY = Math.max(maxY, p.y(e.to()) + g.node(e.to()).height());
            }
        }
        assertEquals(40, machines);
        double boxes = machines * (NodeKind.MACHINE.width() + 10) * (NodeKind.MACHINE.height() + 6);
        assertTrue((maxX - minX) * (maxY - minY) < 1.2 * boxes, layout.id() + ": the rack's machines are spread out");
        assertTrue(maxX - minX < 4 * (maxY - minY) && maxY - minY < 4 * (maxX - minX), "about square");
    }

    @Test
    void layeredDrawingOfThousandsIsRoughlySquareNotOneWideLayer() {
        TopologyGraph g = TopologyBuilder.build(TopologyFixtures.large(5000));
        PlacedGraph p = new LayeredLayout().layout(g, 1);
        // one layer of 5,000 machines, packed per site, was 105,000 x 47,000; with blocks about 9,300 x 8,800
        assertTrue(p.width() < 2 * p.height() && p.height() < 2 * p.width(), p.width() + " x " + p.height());
    }

    @Test
    void emptyGraphLaysOut() {
        TopologyGraph g = new TopologyGraph(List.of(), List.of());
        layouts().forEach(l -> assertEquals(0, l.layout(g, 1).graph().size()));
    }
}
