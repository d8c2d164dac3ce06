package dev.underlay.cli;

import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.lab.Lab;
import dev.underlay.lab.LabHost;
import dev.underlay.lab.LabInventory;
import dev.underlay.lab.LabInventoryWriter;
import dev.underlay.lab.LabStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code underlay lab}: the simulated SSH lab on 127.0.0.1. */
@Command(name = "lab", description = "Simulated SSH hosts on 127.0.0.1 for trying Underlay without real machines.",
        mixinStandardHelpOptions = true, subcommands = LabCommand.Serve.class)
public final class LabCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code underlay lab serve}: runs a lab in the foreground until Ctrl-C. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Serves N generated hosts (lab0001, ...) on consecutive ports until interrupted "
                + "(--base-port 0: on free ports, listed in the inventory file and known_hosts).",
                "Faults: comma-separated kind[=value][:selector]; kinds refuse, slow=300ms, auth, hostkey, "
                + "disconnect, fail=COMMAND, diskfull; selector all, P%% or a node set such as lab[0001-0020].",
                "The lab's keys go to lab/ in the data folder (--data DIR, before or after 'lab serve')."})
    public static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--hosts", required = true, paramLabel = "N", description = "Number of hosts (1-10000).")
        int hosts;

        @Option(names = "--base-port", paramLabel = "P", defaultValue = "22001",
                description = "Port of the first host (default ${DEFAULT-VALUE}; 0: free ports).")
        int basePort;

        @Option(names = "--faults", paramLabel = "SPEC", defaultValue = "none",
                description = "Faults to inject (default ${DEFAULT-VALUE}), e.g. refuse:10%%,slow=300ms:5%%.")
        String faults;

        @Option(names = "--inventory-out", paramLabel = "FILE",
                description = "Write an importable inventory (JSON) of the hosts here.")
        Path inventoryOut;

        @Mixin
        DataOption data;

        /** Set by a parent that resolved the folder itself; wins over {@link #data}. */
        private Path dataFolder;

        private final CountDownLatch stopped = new CountDownLatch(1);

        public Serve() {
        }

        /** For a parent command that already resolved the data folder. */
        public Serve(Path dataFolder) {
            this.dataFolder = dataFolder;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            FaultSpec faultSpec;
            List<Machine> machines;
            try {
                faultSpec = FaultSpec.parse(faults);
                machines = LabInventory.machines(hosts, basePort);
            } catch (IllegalArgumentException e) {
                err.println("underlay: " + e.getMessage());
                return 2;
            }
            Path folder = dataFolder != null ? dataFolder : data.folder();
            long now = System.currentTimeMillis() / 1000;
            List<LabHost> labHosts = machines.stream().map(m -> LabHost.of(m, now)).toList();
            long t0 = System.nanoTime();
            Lab lab;
            try {
                lab = Lab.start(labHosts, folder.resolve("lab"), faultSpec);
            } catch (IOException e) {
                String why = String.valueOf(e.getMessage());
                err.println("underlay: " + why + (why.contains("already in use")
                        ? " with --base-port P (--base-port 0 takes free ports)" : ""));
                return 1;
            }
            Thread hook = new Thread(() -> {
                lab.close();
                stopped.countDown();
            }, "lab-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (inventoryOut != null) {
                    LabInventoryWriter.write(LabInventory.onPorts(machines, lab.hosts()), lab.clientKey(),
                            inventoryOut);
                }
                LabStatus s = lab.status();
                out.printf("Lab serving %d hosts on 127.0.0.1 %s %d-%d (started in %d ms)%n", s.hosts(),
                        basePort == 0 ? "free ports between" : "ports", s.firstPort(), s.lastPort(),
                        (System.nanoTime() - t0) / 1_000_000);
                out.println("Client key:  " + s.clientKey());
                out.println("Known hosts: " + s.knownHosts());
                if (inventoryOut != null) {
                    out.println("Inventory:   " + inventoryOut.toAbsolutePath());
                }
                out.println("Faults:      " + s.faults() + " (" + s.faultyHosts() + " hosts affected)");
                out.println("Press Ctrl-C to stop.");
                out.flush();
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lab.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook is running and stops the lab itself
                }
            }
            out.println("Lab stopped.");
            out.flush();
            return 0;
        }

        /** Ends a running {@link #call()} as Ctrl-C would (for embedding and tests). */
        public void stop() {
            stopped.countDown();
        }
    }
}
