package dev.underlay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.OutputSink;
import dev.underlay.ssh.StreamKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 500 lab hosts through the real transport and FanOut: every line of every host arrives, in order. */
class FanOutLabTest {
    private static final int HOSTS = 500;
    private static final int LINES = 20;

    @TempDir
    static Path dir;
    static EnrolledLab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = EnrolledLab.start(HOSTS, dir, FaultSpec.NONE);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    /** Collects lines per host and stream; OutputSink promises one host's lines of one stream in order. */
    static final class Collector implements OutputSink {
        final Map<String, List<String>> out = new ConcurrentHashMap<>();
        final Map<String, List<String>> err = new ConcurrentHashMap<>();

        @Override
        public void line(String host, StreamKind stream, java.time.Instant at, String line) {
            (stream == StreamKind.STDOUT ? out : err)
                    .computeIfAbsent(host, h -> Collections.synchronizedList(new ArrayList<>())).add(line);
        }

        int total(Map<String, List<String>> m) {
            return m.values().stream().mapToInt(List::size).sum();
        }
    }

    @Test
    void fiveHundredHostsDeliverEveryLineOfEveryHostInOrder() throws Exception {
        StringBuilder cmd = new StringBuilder("hostname");
        for (int i = 2; i <= LINES; i++) {
            cmd.append("; echo line-").append(String.format(Locale.ROOT, "%02d", i));
        }
        cmd.append("; echo warn >&2");
        Collector sink = new Collector();
        Set<String> done = ConcurrentHashMap.newKeySet();
        List<String> doneTwice = Collections.synchronizedList(new ArrayList<>());
        List<Machine> machines = lab.ctx().inventory().inventory().machines().values().stream()
                .sorted(java.util.Comparator.comparing(Machine::name)).toList();
        assertEquals(HOSTS, machines.size());

        long t0 = System.nanoTime();
        FanOut.Run run = lab.fanOut().start(lab.plan(machines),
                cmd.toString(), 64, null, sink, r -> {
                    if (!done.add(r.host())) {
                        doneTwice.add(r.host());
                    }
                });
        List<ExecResult> results = run.results().get(180, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertEquals(HOSTS, results.size());
        assertEquals(List.of(), doneTwice);
        assertEquals(HOSTS, done.size());
        List<String> failed = results.stream().filter(r -> !r.succeeded()).map(ExecResult::message).limit(5).toList();
        assertEquals(List.of(), failed);
        assertEquals(HOSTS * LINES, sink.total(sink.out), "stdout lines over all hosts");
        assertEquals(HOSTS, sink.total(sink.err), "stderr lines over all hosts");
        List<String> expectedTail = IntStream.rangeClosed(2, LINES)
                .mapToObj(i -> String.format(Locale.ROOT, "line-%02d", i)).toList();
        for (int i = 0; i < HOSTS; i++) {
            String host = machines.get(i).name();
            ExecResult r = results.get(i);
            assertEquals(host, r.host(), "results come back in the order the hosts were given");
            assertEquals(LINES, r.stdoutLines(), host);
            List<String> lines = sink.out.get(host);
            assertEquals(host, lines.get(0), "first line of " + host + " is its own hostname");
            assertEquals(expectedTail, lines.subList(1, lines.size()), host);
            assertEquals(List.of("warn"), sink.err.get(host), host);
        }
        assertEquals(0, lab.ctx().ssh().inFlight());
        System.out.printf(Locale.ROOT, "FanOutLabTest: %d hosts x %d lines, 64 forks: %d ms%n", HOSTS, LINES, ms);
    }
}
