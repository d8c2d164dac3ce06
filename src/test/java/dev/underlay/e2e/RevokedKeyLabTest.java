package dev.underlay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Machine;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FailureKind;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.HostKeyReview;
import dev.underlay.ssh.HostKeyStatus;
import dev.underlay.ssh.KnownHostsFileImport;
import dev.underlay.ssh.KnownHostsImport;
import dev.underlay.ssh.OutputSink;
import dev.underlay.ssh.SshSettings;
import dev.underlay.ssh.SshTarget;
import dev.underlay.ssh.SshTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab host whose trusted key is then imported as {@code @revoked}: refused by a fan-out, shown REVOKED by a scan,
 * never stored by accept or by the accept-new policy, and still revoked after its endpoint is forgotten.
 */
class RevokedKeyLabTest {
    @TempDir
    Path dir;
    EnrolledLab lab;
    List<Machine> machines;
    String victimFingerprint;

    @BeforeEach
    void revokeOne() throws Exception {
        lab = EnrolledLab.start(3, dir, FaultSpec.NONE);
        machines = lab.ctx().inventory().inventory().machines().values().stream()
                .sorted(Comparator.comparing(Machine::name)).toList();
        Path file = dir.resolve("revoked_hosts");
        Files.writeString(file, "# lab0001's key leaked\n@revoked " + lab.world().lab.knownHostsLine("lab0001")
                + "\n");
        KnownHostsImport.Report r = KnownHostsFileImport.run(lab.ctx().hostKeys(), file, endpoints());
        assertEquals(1, r.revoked(), r.toString());
        assertEquals(0, r.known(), "a trusted key revoked is not 'already known'");
        victimFingerprint = lab.ctx().hostKeys().keys(endpoint("lab0001")).get(0).fingerprint();
        assertEquals(List.of("revoked: " + file + ":2: " + endpoint("lab0001") + ": ssh-ed25519 " + victimFingerprint
                + " was trusted; it is revoked now and refused at every endpoint."), r.notes());
    }

    @AfterEach
    void close() {
        lab.close();
    }

    private List<Endpoint> endpoints() {
        return machines.stream().map(m -> new Endpoint(m.address(), m.sshPort())).toList();
    }

    private Endpoint endpoint(String name) {
        Machine m = machines.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return new Endpoint(m.address(), m.sshPort());
    }

    private List<SshTarget> targets() {
        return lab.plan(machines).stream().map(FanOut.Planned::target).map(Objects::requireNonNull).toList();
    }

    @Test
    void aFanOutRefusesTheRevokedHostWithASentenceNamingItAndItsFingerprintAndRunsTheOthers() throws Exception {
        List<ExecResult> rs = lab.fanOut().start(lab.plan(machines), "hostname", 3, null, OutputSink.DISCARD,
                r -> { }).results().get(60, TimeUnit.SECONDS);
        ExecResult victim = EnrolledLab.resultOf(rs, "lab0001");
        assertEquals(FailureKind.HOST_KEY_REVOKED, victim.failure(), victim.message());
        assertEquals("lab0001 (root@" + endpoint("lab0001") + "): the server presented the revoked host key "
                + "ssh-ed25519 " + victimFingerprint + "; refusing to connect (a revoked key is never trusted again; "
                + "see 'underlay hostkeys list').", victim.message());
        assertEquals(0, victim.stdoutLines());
        assertEquals(0, EnrolledLab.resultOf(rs, "lab0002").exitStatus());
        assertEquals(0, EnrolledLab.resultOf(rs, "lab0003").exitStatus());
    }

    @Test
    void aScanShowsRevokedAndAcceptStoresNothingForIt() throws Exception {
        SshTransport ssh = lab.ctx().ssh();
        List<HostKeyReview> rows = ssh.scanHostKeys(targets()).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(HostKeyStatus.REVOKED, HostKeyStatus.KNOWN, HostKeyStatus.KNOWN),
                rows.stream().map(HostKeyReview::status).toList());
        assertEquals(victimFingerprint, rows.get(0).fingerprint());
        assertTrue(rows.get(0).message().contains("presents the revoked host key ssh-ed25519 " + victimFingerprint),
                rows.get(0).message());
        assertEquals(0, ssh.accept(rows));
        assertEquals(0, ssh.accept(List.of(new HostKeyReview("lab0001", endpoint("lab0001"), HostKeyStatus.NEW,
                rows.get(0).keyType(), victimFingerprint, List.of(), rows.get(0).publicKey(), "forged NEW row"))),
                "even a review row claiming NEW does not trust a revoked key");
        assertTrue(lab.ctx().hostKeys().keys(endpoint("lab0001")).get(0).revoked());
    }

    @Test
    void acceptNewNeverTrustsTheRevokedKeyAgainNotEvenAfterItsEndpointIsForgotten() throws Exception {
        assertEquals(0, lab.ctx().hostKeys().forget(endpoint("lab0001")), "nothing trusted left to forget");
        try (SshTransport acceptNew = new SshTransport(SshSettings.DEFAULTS.withAcceptNewHostKeys(true),
                lab.ctx().hostKeys(), lab.ctx().credentialSecrets(), dev.underlay.ssh.PassphraseProvider.NONE)) {
            List<ExecResult> rs = new FanOut(acceptNew).start(lab.plan(machines), "hostname", 3, null,
                    OutputSink.DISCARD, r -> { }).results().get(60, TimeUnit.SECONDS);
            assertEquals(FailureKind.HOST_KEY_REVOKED, EnrolledLab.resultOf(rs, "lab0001").failure());
        }
        assertEquals(1, lab.ctx().hostKeys().keys(endpoint("lab0001")).size());
        assertTrue(lab.ctx().hostKeys().keys(endpoint("lab0001")).get(0).revoked());
    }
}
