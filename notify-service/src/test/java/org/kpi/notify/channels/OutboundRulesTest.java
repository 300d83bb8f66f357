package org.kpi.notify.channels;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which addresses an outbound call may reach, IPv4 and IPv6, under each switch. */
class OutboundRulesTest {

    private static final OutboundRules PRODUCTION = new OutboundRules(false, false, List.of(), List.of());
    private static final OutboundRules EVERYTHING_ALLOWED =
            new OutboundRules(true, true, List.of("0.0.0.0/0", "::/0"), List.of());

    @Test
    void metadataLinkLocalAndNonUnicastAddressesAreRefusedWhateverTheConfig() {
        for (String address : List.of("169.254.169.254", "169.254.0.1", "100.100.100.200", "0.0.0.0", "0.1.2.3",
                "224.0.0.1", "239.255.255.250", "255.255.255.255", "::", "fe80::1", "febf::1", "fd00:ec2::254",
                "ff02::1", "::ffff:169.254.169.254", "::ffff:100.100.100.200")) {
            assertTrue(PRODUCTION.refusal(ip(address)).isPresent(), address);
            assertTrue(EVERYTHING_ALLOWED.refusal(ip(address)).isPresent(), address + " even when everything is allowed");
        }
        assertTrue(PRODUCTION.refusal(ip("169.254.169.254")).get().contains("元数据"));
    }

    @Test
    void loopbackIsRefusedUnlessAllowed() {
        OutboundRules local = new OutboundRules(true, false, List.of(), List.of());
        for (String address : List.of("127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1")) {
            assertTrue(PRODUCTION.refusal(ip(address)).orElse("").contains("回环"), address);
            assertEquals(Optional.empty(), local.refusal(ip(address)), address);
        }
        assertTrue(local.refusal(ip("10.0.0.1")).isPresent(), "loopback allowed does not allow private");
    }

    @Test
    void privateRangesAreRefusedUnlessAllowed() {
        OutboundRules intranet = new OutboundRules(false, true, List.of(), List.of());
        for (String address : List.of("10.0.0.1", "172.16.0.1", "172.31.255.254", "192.168.1.1", "100.64.0.1",
                "100.127.255.254", "fc00::1", "fd12:3456::1", "::ffff:10.1.2.3")) {
            assertTrue(PRODUCTION.refusal(ip(address)).orElse("").contains("内网"), address);
            assertEquals(Optional.empty(), intranet.refusal(ip(address)), address);
        }
        assertTrue(intranet.refusal(ip("127.0.0.1")).isPresent(), "private allowed does not allow loopback");
    }

    @Test
    void publicAddressesPass() {
        for (String address : List.of("1.1.1.1", "172.32.0.1", "172.15.255.255", "100.63.255.255", "100.128.0.1",
                "8.8.8.8", "2001:4860:4860::8888", "2400:3200::1")) {
            assertEquals(Optional.empty(), PRODUCTION.refusal(ip(address)), address);
        }
    }

    @Test
    void allowListOpensARangeAndDenyListClosesOne() {
        OutboundRules rules = new OutboundRules(false, false, List.of("10.20.0.0/16", "fd00:1::/32", "127.0.0.2"),
                List.of("203.0.113.0/24", "2001:db8::/32", "10.20.30.0/24"));
        assertEquals(Optional.empty(), rules.refusal(ip("10.20.1.1")));
        assertEquals(Optional.empty(), rules.refusal(ip("fd00:1::5")));
        assertEquals(Optional.empty(), rules.refusal(ip("127.0.0.2")));
        assertTrue(rules.refusal(ip("10.21.0.1")).isPresent());
        assertTrue(rules.refusal(ip("203.0.113.7")).orElse("").contains("kpi.notify.outbound.deny"));
        assertTrue(rules.refusal(ip("2001:db8::1")).isPresent());
        assertTrue(rules.refusal(ip("10.20.30.4")).isPresent(), "deny wins over allow");
        OutboundRules allowMetadata = new OutboundRules(false, false, List.of("169.254.169.254/32"), List.of());
        assertTrue(allowMetadata.refusal(ip("169.254.169.254")).isPresent(), "always refused wins over allow");
    }

    @Test
    void everyResolvedAddressMustPassAndTheFirstIsUsed() throws Exception {
        assertEquals(ip("93.184.216.34"), PRODUCTION.pick("example.com", List.of(ip("93.184.216.34"), ip("2606:2800::1"))));
        OutboundRefused refused = assertThrows(OutboundRefused.class,
                () -> PRODUCTION.pick("rebind.example", List.of(ip("93.184.216.34"), ip("169.254.169.254"))));
        assertTrue(refused.getMessage().contains("rebind.example"));
        assertThrows(OutboundRefused.class, () -> PRODUCTION.pick("nothing.example", List.of()));
    }

    @Test
    void ipLiteralsAreRecognisedWithoutResolvingNames() {
        assertEquals(Optional.of(ip("::1")), OutboundRules.literal("[::1]"));
        assertEquals(Optional.of(ip("10.0.0.1")), OutboundRules.literal("10.0.0.1"));
        assertFalse(OutboundRules.literal("hooks.example.gov.cn").isPresent());
        assertFalse(OutboundRules.literal("10.0.0.1.nip.io").isPresent());
    }

    @Test
    void aRangeThatIsNoCidrIsRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new OutboundRules(false, false, List.of("10.0.0.0/33"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new OutboundRules(false, false, List.of(), List.of("intranet")));
    }

    private static InetAddress ip(String literal) {
        return OutboundRules.literal(literal).orElseThrow(() -> new AssertionError("not an IP: " + literal));
    }
}
