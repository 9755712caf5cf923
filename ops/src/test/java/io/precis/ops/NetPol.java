package io.precis.ops;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evaluates rendered NetworkPolicies the way Kubernetes does: a connection is allowed when, on each side, no policy
 * selects the pod for that direction, or some selecting policy has a rule admitting the peer and the port.
 * Label selectors support matchLabels only (the chart renders nothing else); named ports match by name.
 */
final class NetPol {
    private NetPol() {
    }

    /** A pod: its namespace and labels. */
    record Pod(String namespace, Map<String, String> labels) {
        static Pod of(JsonNode workload) {
            Map<String, String> labels = new LinkedHashMap<>();
            workload.at("/spec/template/metadata/labels").fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            return new Pod(workload.at("/metadata/namespace").asText(), labels);
        }
    }

    /**
     * Whether policies let {@code from} open a TCP connection to {@code to}'s container port {@code port}, which is
     * named {@code portName} (rules may give either).
     */
    static boolean allowed(Collection<JsonNode> policies, Pod from, Pod to, int port, String portName) {
        List<String> names = List.of(Integer.toString(port), portName);
        return side(policies, from, "Egress", "egress", "to", to, null, names)
                && side(policies, to, "Ingress", "ingress", "from", from, null, names);
    }

    /**
     * Whether {@code from}'s egress policies let it open a TCP connection to {@code to}'s port (what {@code to}'s own
     * ingress policies say is theirs: a database from another chart brings its own).
     */
    static boolean egressAllowed(Collection<JsonNode> policies, Pod from, Pod to, int port, String portName) {
        return side(policies, from, "Egress", "egress", "to", to, null, List.of(Integer.toString(port), portName));
    }

    /** Whether policies let {@code from} open a TCP connection to an address outside the cluster. */
    static boolean allowedToAddress(Collection<JsonNode> policies, Pod from, String address, int port) {
        return side(policies, from, "Egress", "egress", "to", null, address, List.of(Integer.toString(port)));
    }

    private static boolean side(Collection<JsonNode> policies, Pod pod, String type, String direction, String peers,
            Pod peerPod, String address, List<String> port) {
        boolean selected = false;
        for (JsonNode p : policies) {
            if (!p.at("/metadata/namespace").asText().equals(pod.namespace())
                    || !selects(p.at("/spec/podSelector"), pod.labels())
                    || !p.at("/spec/policyTypes").toString().contains("\"" + type + "\"")) {
                continue;
            }
            selected = true;
            for (JsonNode rule : p.at("/spec/" + direction)) {
                if (portMatches(rule.path("ports"), port) && peerMatches(rule, peers, p, peerPod, address)) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static boolean portMatches(JsonNode ports, List<String> port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (p.path("protocol").asText("TCP").equals("TCP") && port.contains(p.path("port").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean peerMatches(JsonNode rule, String peers, JsonNode policy, Pod peerPod, String address) {
        if (!rule.has(peers)) {
            return true;
        }
        for (JsonNode peer : rule.path(peers)) {
            if (address != null && peer.has("ipBlock") && inBlock(peer.get("ipBlock"), address)) {
                return true;
            }
            if (peerPod != null && !peer.has("ipBlock")) {
                boolean namespaceOk = peer.has("namespaceSelector")
                        ? selects(peer.get("namespaceSelector"), Map.of("kubernetes.io/metadata.name", peerPod.namespace()))
                        : policy.at("/metadata/namespace").asText().equals(peerPod.namespace());
                boolean podOk = !peer.has("podSelector") || selects(peer.get("podSelector"), peerPod.labels());
                if (namespaceOk && podOk) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.has("matchExpressions")) {
            throw new AssertionError("matchExpressions are not evaluated here: " + selector);
        }
        var it = selector.path("matchLabels").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean inBlock(JsonNode ipBlock, String address) {
        if (!inCidr(ipBlock.path("cidr").asText(), address)) {
            return false;
        }
        for (JsonNode except : ipBlock.path("except")) {
            if (inCidr(except.asText(), address)) {
                return false;
            }
        }
        return true;
    }

    static boolean inCidr(String cidr, String address) {
        try {
            String[] parts = cidr.split("/");
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = InetAddress.getByName(address).getAddress();
            if (net.length != addr.length) {
                return false;
            }
            int bits = net.length * 8;
            int prefix = Integer.parseInt(parts[1]);
            BigInteger mask = prefix == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
            return new BigInteger(1, net).and(mask).equals(new BigInteger(1, addr).and(mask));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr + " / " + address, e);
        }
    }
}
