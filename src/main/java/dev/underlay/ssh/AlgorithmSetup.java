package dev.underlay.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.OptionalFeature;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;

/**
 * Applies {@link SshAlgorithms} to the sshd client or to one session, refusing unknown or unsupported names with
 * a sentence.
 */
final class AlgorithmSetup {
    private AlgorithmSetup() {
    }

    /** Names of one list: the key exchanges, host key types, ciphers or MACs an {@link SshAlgorithms} holds. */
    enum Kind { KEY_EXCHANGE, HOST_KEY_TYPE, CIPHER, MAC }

    /** Throws IllegalArgumentException with a sentence when a name of this kind is unknown or unavailable here. */
    static void validate(Kind kind, List<String> names) {
        switch (kind) {
            case KEY_EXCHANGE -> keyExchanges(names);
            case HOST_KEY_TYPE -> hostKeyTypes(names);
            case CIPHER -> ciphers(names);
            case MAC -> macs(names);
        }
    }

    /** Sets the lists on the client, or on one session before its key exchange starts. */
    static <M extends org.apache.sshd.common.kex.KexFactoryManager
            & org.apache.sshd.common.signature.SignatureFactoriesManager> void apply(M client, SshAlgorithms a) {
        client.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false, keyExchanges(a.keyExchanges()),
                ClientBuilder.DH2KEX));
        client.setSignatureFactories(new ArrayList<>(hostKeyTypes(a.hostKeyTypes())));
        client.setCipherFactories(new ArrayList<>(ciphers(a.ciphers())));
        client.setMacFactories(new ArrayList<>(macs(a.macs())));
    }

    private static List<BuiltinDHFactories> keyExchanges(List<String> names) {
        return resolve(names, BuiltinDHFactories::fromFactoryName, "key exchange",
                BuiltinDHFactories.VALUES.stream().map(BuiltinDHFactories::getName).toList());
    }

    private static List<BuiltinSignatures> hostKeyTypes(List<String> names) {
        return resolve(names, BuiltinSignatures::fromFactoryName, "host key type",
                BuiltinSignatures.VALUES.stream().map(BuiltinSignatures::getName).toList());
    }

    private static List<BuiltinCiphers> ciphers(List<String> names) {
        return resolve(names, BuiltinCiphers::fromFactoryName, "cipher",
                BuiltinCiphers.VALUES.stream().map(BuiltinCiphers::getName).toList());
    }

    private static List<BuiltinMacs> macs(List<String> names) {
        return resolve(names, BuiltinMacs::fromFactoryName, "MAC",
                BuiltinMacs.VALUES.stream().map(BuiltinMacs::getName).toList());
    }

    private static <T extends OptionalFeature> List<T> resolve(List<String> names, Function<String, T> lookup,
                                                              String what, List<String> known) {
        List<T> out = new ArrayList<>();
        for (String n : names) {
            T f = lookup.apply(n);
            if (f == null) {
                throw new IllegalArgumentException("unknown SSH " + what + " '" + n + "' (known: "
                        + String.join(", ", known) + ")");
            }
            if (!f.isSupported()) {
                throw new IllegalArgumentException("the SSH " + what + " '" + n + "' is not available in this "
                        + "installation" + (SshAlgorithms.POST_QUANTUM.contains(n)
                        ? " (post-quantum key exchanges need Bouncy Castle on the classpath)" : ""));
            }
            out.add(f);
        }
        return out;
    }
}
