package dev.underlay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fault text syntax and the deterministic choice of hosts. */
class FaultSpecTest {
    private static final List<String> HOSTS = IntStream.rangeClosed(1, 1000).mapToObj(i -> String.format("lab%04d", i))
            .toList();

    private static Set<String> hostsWith(Map<String, HostFaults> plan, java.util.function.Predicate<HostFaults> p) {
        return plan.entrySet().stream().filter(e -> p.test(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Test
    void shareSelectsExactlyThatManyHostsAndTheSameOnesEveryTime() {
        Map<String, HostFaults> a = FaultSpec.parse("refuse:10%").resolve(HOSTS);
        Map<String, HostFaults> b = FaultSpec.parse("refuse:10%").resolve(HOSTS);
        assertEquals(100, hostsWith(a, HostFaults::refuse).size());
        assertEquals(a, b);
        Set<String> seeded = hostsWith(FaultSpec.parse("refuse:10%,seed=7").resolve(HOSTS), HostFaults::refuse);
        assertNotEquals(hostsWith(a, HostFaults::refuse), seeded);
    }

    @Test
    void differentItemsPickIndependently() {
        Map<String, HostFaults> plan = FaultSpec.parse("auth:10%,diskfull:10%").resolve(HOSTS);
        Set<String> auth = hostsWith(plan, HostFaults::auth);
        Set<String> disk = hostsWith(plan, HostFaults::diskFull);
        assertNotEquals(auth, disk);
    }

    @Test
    void patternsRangesAndAlternativesSelectByName() {
        Map<String, HostFaults> plan = FaultSpec.parse("slow=300ms:lab[0001-0020],fail=uname:lab0500|lab09*")
                .resolve(HOSTS);
        Set<String> slow = hostsWith(plan, f -> f.slowMillis() == 300);
        assertEquals(20, slow.size());
        assertTrue(slow.contains("lab0001") && slow.contains("lab0020") && !slow.contains("lab0021"));
        Set<String> fail = hostsWith(plan, f -> f.failCommands().contains("uname"));
        assertEquals(101, fail.size());
        assertTrue(fail.contains("lab0500") && fail.contains("lab0999"));
    }

    @Test
    void canonicalTextParsesBackToTheSameSpec() {
        FaultSpec s = FaultSpec.parse(" refuse:10% , slow=2s:lab[001-005], fail=uname, hostkey:2.5%, seed=3 ");
        assertEquals("refuse:10%,slow=2s:lab[001-005],fail=uname,hostkey:2.5%,seed=3", s.toString());
        assertEquals(s, FaultSpec.parse(s.toString()));
        assertEquals(FaultSpec.NONE, FaultSpec.parse(""));
        assertFalse(FaultSpec.parse("none").resolve(HOSTS).values().stream().anyMatch(HostFaults::any));
        assertEquals(2000, FaultSpec.millis("2s"));
    }

    @Test
    void mistakesAreNamedPrecisely() {
        assertEquals("fault item 'reboot:5%': unknown fault 'reboot' (expected refuse, slow, auth, hostkey, "
                + "disconnect, fail or diskfull)", assertThrows(IllegalArgumentException.class,
                        () -> FaultSpec.parse("refuse:1%,reboot:5%")).getMessage());
        assertEquals("fault item 'fail:5%': fail needs a command name such as fail=uname",
                assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("fail:5%")).getMessage());
        assertEquals("fault item 'refuse:150%': a share cannot exceed 100%",
                assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("refuse:150%")).getMessage());
        assertEquals("fault item 'auth=x': auth takes no value",
                assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("auth=x")).getMessage());
    }
}
