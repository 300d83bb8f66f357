package org.kpi.notify.channels;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses an outbound call may connect to (出站地址检查), as a plain rule set: always
 * refused ranges first, then the configured deny list, the allow list, loopback and private
 * ranges by their switches; every other (public) address passes. IPv4 addresses written as IPv6
 * ({@code ::ffff:a.b.c.d}, {@code ::a.b.c.d}) are judged as the IPv4 address they carry.
 */
public final class OutboundRules {

    /** Never reachable, whatever is configured: metadata services, link-local, non-unicast. */
    static final List<String> ALWAYS_REFUSED = List.of(
            "0.0.0.0/8", "169.254.0.0/16", "100.100.100.200/32", "224.0.0.0/4", "255.255.255.255/32",
            "::/128", "fe80::/10", "fd00:ec2::254/128", "ff00::/8");

    static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

    static final List<String> PRIVATE = List.of(
            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7");

    private final boolean allowLoopback;
    private final boolean allowPrivate;
    private final List<IpSubnetFilterRule> alwaysRefused;
    private final List<IpSubnetFilterRule> loopback;
    private final List<IpSubnetFilterRule> privateRanges;
    private final List<IpSubnetFilterRule> allow;
    private final List<IpSubnetFilterRule> deny;

    /**
     * @throws IllegalArgumentException when an {@code allow} or {@code deny} entry is no CIDR range
     */
    public OutboundRules(boolean allowLoopback, boolean allowPrivate, List<String> allow, List<String> deny) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
        this.alwaysRefused = ranges(ALWAYS_REFUSED);
        this.loopback = ranges(LOOPBACK);
        this.privateRanges = ranges(PRIVATE);
        this.allow = ranges(allow);
        this.deny = ranges(deny);
    }

    /** Why {@code address} may not be called, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        InetAddress judged = unmapped(address);
        String shown = judged.getHostAddress();
        if (judged.isAnyLocalAddress() || matches(alwaysRefused, judged)) {
            return Optional.of("地址 " + shown + " 属于链路本地、云平台元数据、组播、广播或未指定地址，任何配置下都不允许访问");
        }
        if (matches(deny, judged)) {
            return Optional.of("地址 " + shown + " 在禁止访问的地址段中（kpi.notify.outbound.deny）");
        }
        if (matches(allow, judged)) {
            return Optional.empty();
        }
        if (matches(loopback, judged)) {
            return allowLoopback ? Optional.empty()
                    : Optional.of("地址 " + shown + " 是本机回环地址，不允许访问（kpi.notify.outbound.allow-loopback）");
        }
        if (matches(privateRanges, judged)) {
            return allowPrivate ? Optional.empty()
                    : Optional.of("地址 " + shown + " 是内网地址，不允许访问（kpi.notify.outbound.allow-private）");
        }
        return Optional.empty();
    }

    /**
     * The address to connect to for {@code host}, given every address it resolved to: all of them
     * must be allowed (a name that also points inside is refused), and the first is used.
     */
    public InetAddress pick(String host, List<InetAddress> resolved) throws OutboundRefused {
        if (resolved.isEmpty()) {
            throw new OutboundRefused("主机 " + host + " 没有解析到任何地址");
        }
        for (InetAddress address : resolved) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                throw new OutboundRefused("主机 " + host + " 解析到受保护的地址，已拒绝：" + refusal.get());
            }
        }
        return resolved.get(0);
    }

    /** The address a host written as an IP literal stands for ({@code [::1]} included), or empty for a name. */
    public static Optional<InetAddress> literal(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An IPv4 address carried in an IPv6 one (mapped or compatible) as IPv4; any other as is. */
    static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            boolean mapped = zeroPrefix && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && (b[12] != 0 || b[13] != 0);
            if (mapped || compatible) {
                try {
                    return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }

    private static boolean matches(List<IpSubnetFilterRule> ranges, InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule range : ranges) {
            if (range.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    private static List<IpSubnetFilterRule> ranges(List<String> cidrs) {
        return cidrs.stream().map(OutboundRules::range).toList();
    }

    private static IpSubnetFilterRule range(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        Optional<InetAddress> base = literal(slash < 0 ? text : text.substring(0, slash));
        if (base.isEmpty()) {
            throw new IllegalArgumentException("Not a CIDR range: " + cidr);
        }
        int max = base.get() instanceof Inet4Address ? 32 : 128;
        int prefix;
        try {
            prefix = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a CIDR range: " + cidr, e);
        }
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("Not a CIDR range: " + cidr);
        }
        return new IpSubnetFilterRule(base.get(), prefix, IpFilterRuleType.REJECT);
    }
}
