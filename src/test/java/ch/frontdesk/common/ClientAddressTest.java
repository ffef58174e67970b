package ch.frontdesk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The client address behind proxies and the rate-limit key, as pure logic: no Quarkus, no database. */
class ClientAddressTest {

    private static TrustedProxies trusting(String... ranges) {
        return new TrustedProxies(List.of(ranges).stream().map(AddressRange::parse).toList());
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnoredAndTheSocketIsTheClient() {
        assertThat(trusting().clientAddress("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void aPeerThatIsNotATrustedProxyCannotChooseItsAddress() {
        assertThat(trusting("10.0.0.0/8").clientAddress("198.51.100.9", List.of("203.0.113.7")))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        // The client wrote "1.2.3.4" itself; our proxy appended the address it really saw.
        assertThat(trusting("10.0.0.0/8").clientAddress("10.0.0.2", List.of("1.2.3.4, 203.0.113.7")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void severalTrustedHopsAreSkippedAcrossRepeatedHeaders() {
        assertThat(trusting("10.0.0.0/8", "2001:db8:ffff::/48")
                .clientAddress("10.0.0.2", List.of("1.2.3.4, 203.0.113.7", "2001:db8:ffff::5, 10.1.2.3")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void aHopThatIsNotAnAddressStopsTheWalkAtTheLastTrustedProxy() {
        assertThat(trusting("10.0.0.0/8").clientAddress("10.0.0.2", List.of("203.0.113.7, not-an-address")))
                .isEqualTo("10.0.0.2");
    }

    @Test
    void proxiesMayWritePortsBracketsAndMappedAddresses() {
        TrustedProxies proxies = trusting("::1");
        assertThat(proxies.clientAddress("::1", List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8::7");
        assertThat(proxies.clientAddress("::1", List.of("203.0.113.7:5678"))).isEqualTo("203.0.113.7");
        assertThat(proxies.clientAddress("0:0:0:0:0:0:0:1", List.of("::ffff:203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aBadTrustedProxyEntryIsRefusedAtStart() {
        assertThatThrownBy(() -> AddressRange.parse("proxy.example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ipv6AddressesInOneSlash64ShareARateLimitKeyAndIpv4AddressesDoNot() {
        assertThat(ClientInfo.rateLimitKey("2001:db8:1:2::a")).isEqualTo(ClientInfo.rateLimitKey("2001:db8:1:2:ffff::b"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientInfo.rateLimitKey("2001:db8:1:3::a")).isNotEqualTo(ClientInfo.rateLimitKey("2001:db8:1:2::a"));
        assertThat(ClientInfo.rateLimitKey("203.0.113.7")).isNotEqualTo(ClientInfo.rateLimitKey("203.0.113.8"));
        // A key passed in again stays the same key.
        assertThat(ClientInfo.rateLimitKey("2001:db8:1:2::/64")).isEqualTo("2001:db8:1:2::/64");
    }
}
