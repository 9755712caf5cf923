package io.precis.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
    final AddressPolicy publicOnly = AddressPolicy.publicOnly();

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "100.64.0.1", "100.127.255.254", "169.254.0.1", "169.254.169.254", "192.0.0.192", "192.0.2.1", "198.18.0.1",
            "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "168.63.129.16",
            "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "fd00:ec2::254", "ff02::1", "fec0::1", "2001:db8::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a00:1", "2002:c0a8:0101::1", "2001:0:4136:e378::1"})
    void refusesInternalAddresses(String address) throws UnknownHostException {
        assertThat(publicOnly.refusal(InetAddress.getByName(address))).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "64:ff9b::808:808", "2002:0808:0808::1"})
    void allowsPublicAddresses(String address) throws UnknownHostException {
        assertThat(publicOnly.refusal(InetAddress.getByName(address))).as(address).isEmpty();
    }

    @Test
    void theAllowlistLiftsRefusalsButNeverForMetadata() throws UnknownHostException {
        AddressPolicy policy = new AddressPolicy(List.of("127.0.0.0/8", "::1/128", "10.20.0.0/16", "169.254.0.0/16"));
        assertThat(policy.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("::1"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("10.20.3.4"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("10.21.3.4"))).isPresent();
        assertThat(policy.refusal(InetAddress.getByName("169.254.169.254"))).contains("a cloud metadata service");
        assertThat(policy.refusal(InetAddress.getByName("169.254.1.1"))).isEmpty();
        assertThat(policy.refusal("metadata.google.internal")).isPresent();
        assertThat(policy.refusal("example.org")).isEmpty();
    }

    @Test
    void reasonsSayWhatKindOfAddressItIs() throws UnknownHostException {
        assertThat(publicOnly.refusal(InetAddress.getByName("127.0.0.1"))).contains("a loopback address");
        assertThat(publicOnly.refusal(InetAddress.getByName("10.0.0.1"))).contains("a private address");
        assertThat(publicOnly.refusal(InetAddress.getByName("100.64.1.1"))).contains("a shared (CGNAT) address");
        assertThat(publicOnly.refusal(InetAddress.getByName("fd00::1"))).contains("a unique-local address (fc00::/7)");
    }
}
