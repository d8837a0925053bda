package dev.logsagent.logs.launchers.listener;

import dev.logsagent.config.ParsedSources;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceConfigParser;
import dev.logsagent.config.SourceType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings read from {@code logs:} entries as conf.d files write them. */
class ListenerSettingsTest {

    @Test
    void aBareTcpSourceListensOnEveryAddressWithoutLimits() {
        ListenerSettings s = ListenerSettings.of(source("{type: tcp, port: 10514}"));

        assertThat(s).isEqualTo(new ListenerSettings(SourceType.TCP, "0.0.0.0", 10514, null, 0, 9000, false, null));
        assertThat(s.address(10514)).isEqualTo("tcp://0.0.0.0:10514");
    }

    @Test
    void readsEveryListenerKey() {
        ListenerSettings s = ListenerSettings.of(source("{type: tcp, port: 6514, bind_host: 127.0.0.1, "
                + "idle_timeout: 2.5, max_connections: 100, format: Syslog, "
                + "tls: {cert: /etc/a.pem, key: /etc/a-key.pem, ca: /etc/ca.pem}}"));

        assertThat(s.bindHost()).isEqualTo("127.0.0.1");
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.maxConnections()).isEqualTo(100);
        assertThat(s.syslog()).isTrue();
        assertThat(s.tls()).isEqualTo(new TlsSettings(Path.of("/etc/a.pem"), Path.of("/etc/a-key.pem"),
                Path.of("/etc/ca.pem")));
    }

    @Test
    void udpTakesItsFrameSize() {
        ListenerSettings s = ListenerSettings.of(source("{type: udp, port: 514, frame_size: 65000}"));

        assertThat(s.frameSize()).isEqualTo(65000);
        assertThat(s.address(514)).isEqualTo("udp://0.0.0.0:514");
    }

    @Test
    void anIpv6BindHostIsBracketedInTheAddress() {
        assertThat(ListenerSettings.of(source("{type: udp, port: 514, bind_host: '::1'}")).address(514))
                .isEqualTo("udp://[::1]:514");
    }

    @Test
    void refusesAnUnknownFormat() {
        assertThatThrownBy(() -> ListenerSettings.of(source("{type: tcp, port: 1, format: gelf}")))
                .hasMessage("format: expected 'syslog' or nothing (plain lines), got 'gelf'");
    }

    @Test
    void refusesTlsOnUdp() {
        assertThatThrownBy(() -> ListenerSettings.of(source("{type: udp, port: 1, tls: {cert: a, key: b}}")))
                .hasMessage("tls: only a tcp source can use TLS");
    }

    @Test
    void refusesTlsWithoutAKeyOrWithAnUnknownKey() {
        assertThatThrownBy(() -> ListenerSettings.of(source("{type: tcp, port: 1, tls: {cert: a}}")))
                .hasMessage("tls.key is required: a PEM file path");
        assertThatThrownBy(() -> ListenerSettings.of(source("{type: tcp, port: 1, tls: {cert: a, key: b, "
                + "ca_file: c}}")))
                .hasMessage("tls.ca_file: unknown key (expected cert, key and ca)");
        assertThatThrownBy(() -> ListenerSettings.of(source("{type: tcp, port: 1, tls: {cert: [a], key: b}}")))
                .hasMessage("tls.cert: expected a PEM file path, got '[a]'");
    }

    private static SourceConfig source(String json) {
        ParsedSources parsed = SourceConfigParser.parseJson("[" + json + "]", "net", "test.yaml", null);
        assertThat(parsed.failed()).isEmpty();
        return parsed.sources().getFirst();
    }
}
