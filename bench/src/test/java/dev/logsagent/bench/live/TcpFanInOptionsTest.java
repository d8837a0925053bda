package dev.logsagent.bench.live;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TcpFanInOptionsTest {

    @Test
    void defaultsToAThousandConnectionsAtOneKibPerSecondForHalfAMinute() {
        TcpFanInOptions o = TcpFanInOptions.parse(new String[0]);

        assertThat(o.connections()).isEqualTo(1000);
        assertThat(o.bytesPerSecond()).isEqualTo(1024);
        assertThat(o.durationSeconds()).isEqualTo(30);
        assertThat(o.compression()).isEqualTo("zstd");
        assertThat(o.intakeDelayMillis()).isZero();
        assertThat(o.workDir()).isNull();
        assertThat(o.project()).isEqualTo(Path.of(".").toAbsolutePath().normalize());
    }

    @Test
    void readsSizesWithUnitsAndTheSlowIntakeOptions() {
        TcpFanInOptions o = TcpFanInOptions.parse(new String[]{"--connections", "100", "--rate", "100KiB",
                "--duration", "2.5", "--intake-delay-ms", "500", "--intake-503", "0.2", "--compression", "none",
                "--work-dir", "runs/a", "--keep"});

        assertThat(o.connections()).isEqualTo(100);
        assertThat(o.bytesPerSecond()).isEqualTo(100 * 1024);
        assertThat(o.durationSeconds()).isEqualTo(2.5);
        assertThat(o.intakeDelayMillis()).isEqualTo(500);
        assertThat(o.refuseFraction()).isEqualTo(0.2);
        assertThat(o.compression()).isEqualTo("none");
        assertThat(o.workDir()).isEqualTo(Path.of("runs/a").toAbsolutePath());
        assertThat(o.keep()).isTrue();
        assertThat(TcpFanInOptions.parse(new String[]{"--rate", "1m"}).bytesPerSecond()).isEqualTo(1 << 20);
    }

    @Test
    void namesTheOptionThatIsWrong() {
        assertThatThrownBy(() -> TcpFanInOptions.parse(new String[]{"--connections", "lots"}))
                .hasMessageContaining("--connections").hasMessageContaining("lots");
        assertThatThrownBy(() -> TcpFanInOptions.parse(new String[]{"--connections", "0"}))
                .hasMessageContaining("--connections");
        assertThatThrownBy(() -> TcpFanInOptions.parse(
                new String[]{"--connections", Integer.toString(TcpFanInOptions.MAX_CONNECTIONS + 1)}))
                .hasMessageContaining("--connections");
        assertThatThrownBy(() -> TcpFanInOptions.parse(new String[]{"--intake-503", "1"}))
                .hasMessageContaining("--intake-503");
        assertThatThrownBy(() -> TcpFanInOptions.parse(new String[]{"--compression", "lz4"}))
                .hasMessageContaining("lz4");
        assertThatThrownBy(() -> TcpFanInOptions.parse(new String[]{"--duration"}))
                .hasMessageContaining("--duration");
        assertThatThrownBy(() -> TcpFanInOptions.parse(new String[]{"--files", "3"}))
                .hasMessageContaining("--files");
    }
}
