package dev.underlay.e2e;

import dev.underlay.app.AppContext;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.ExecResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the end-to-end tests start: a lab of {@code hosts} hosts and a data folder ({@code dir/data}) that knows
 * them (machines imported, host keys trusted). Closing it closes both.
 */
record EnrolledLab(LabWorld world, AppContext ctx) implements AutoCloseable {
    static EnrolledLab start(int hosts, Path dir, FaultSpec faults) throws IOException {
        LabWorld world = LabWorld.start(hosts, dir, faults);
        AppContext ctx = null;
        try {
            ctx = AppContext.open(dir.resolve("data"), false, Runnable::run);
            world.enrol(ctx);
            return new EnrolledLab(world, ctx);
        } catch (IOException | RuntimeException e) {
            if (ctx != null) {
                ctx.close();
            }
            world.close();
            throw e;
        }
    }

    /** A fan-out on the data folder's SSH client. */
    dev.underlay.ssh.FanOut fanOut() {
        return new dev.underlay.ssh.FanOut(ctx.ssh());
    }

    /** The plan for these machines of the data folder's inventory (bastions and per-machine params applied). */
    List<dev.underlay.ssh.FanOut.Planned> plan(List<dev.underlay.inventory.Machine> machines) {
        return dev.underlay.ssh.InventoryTargets.plan(ctx.inventory().inventory(), machines);
    }

    /** The result of one host in a fan-out's results. */
    static ExecResult resultOf(List<ExecResult> results, String host) {
        return results.stream().filter(r -> r.host().equals(host)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + host));
    }

    @Override
    public void close() {
        ctx.close();
        world.close();
    }
}
