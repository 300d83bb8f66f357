package org.kpi.notify.channels;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The allow/deny check every outbound call to an address a user typed goes through. It resolves
 * the host once and hands back the address to connect to, so the caller connects to exactly the
 * address that was checked: a name cannot resolve somewhere else between check and connect.
 */
@ApplicationScoped
public class OutboundGuard {

    private final OutboundRules rules;

    public OutboundGuard(OutboundConfig config) {
        this.rules = new OutboundRules(config.allowLoopback(), config.allowPrivate(),
                config.allow().orElse(List.of()), config.deny().orElse(List.of()));
    }

    /**
     * The checked address to connect to for {@code host} (a name or an IP literal).
     *
     * @throws OutboundRefused      when the host, or any address it resolves to, may not be called
     * @throws UnknownHostException when the name does not resolve (now)
     */
    public InetAddress resolve(String host) throws OutboundRefused, UnknownHostException {
        Optional<InetAddress> literal = OutboundRules.literal(host);
        List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get())
                : List.of(InetAddress.getAllByName(host));
        return rules.pick(host, addresses);
    }

    /** Why a host written as an IP literal may not be called; empty for an allowed literal or a name. */
    public Optional<String> refusalOfLiteral(String host) {
        return OutboundRules.literal(host).flatMap(rules::refusal);
    }
}
