package dev.logsagent.bench.live;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveTailOptionsTest {

    @Test
    void defaultsToAThousandFilesAtTenKibPerSecondForAMinute() {
        LiveTailOptions o = LiveTailOptions.parse(new String[0]);

        assertThat(o.files()).isEqualTo(1000);
        assertThat(o.bytesPerSecond()).isEqualTo(10 * 1024);
        assertThat(o.durationSeconds()).isEqualTo(60);
        assertThat(o.compression()).isEqualTo("zstd");
        assertThat(o.startPosition()).isEqualTo("end");
        assertThat(o.openFilesLimit()).isEqualTo(1000);
        assertThat(o.project()).isEqualTo(Path.of(".").toAbsolutePath().normalize());
    }

    @Test
    void readsSizesWithUnitsAndTheSlowIntakeOptions() {
        LiveTailOptions o = LiveTailOptions.parse(new String[]{"--files", "20", "--rate", "2KiB", "--duration", "5",
                "--intake-delay-ms", "200", "--intake-503", "0.25", "--compression", "gzip", "--keep"});

        assertThat(o.bytesPerSecond()).isEqualTo(2048);
        assertThat(o.intakeDelayMillis()).isEqualTo(200);
        assertThat(o.refuseFraction()).isEqualTo(0.25);
        assertThat(o.openFilesLimit()).isEqualTo(500);
        assertThat(o.tailedAtOnce()).isEqualTo(20);
        assertThat(o.keep()).isTrue();
        assertThat(LiveTailOptions.parse(new String[]{"--rate", "1m"}).bytesPerSecond()).isEqualTo(1 << 20);
    }

    @Test
    void namesTheOptionThatIsWrong() {
        assertThatThrownBy(() -> LiveTailOptions.parse(new String[]{"--files", "many"}))
                .hasMessageContaining("--files").hasMessageContaining("many");
        assertThatThrownBy(() -> LiveTailOptions.parse(new String[]{"--intake-503", "1"}))
                .hasMessageContaining("--intake-503");
        assertThatThrownBy(() -> LiveTailOptions.parse(new String[]{"--compression", "lz4"}))
                .hasMessageContaining("lz4");
        assertThatThrownBy(() -> LiveTailOptions.parse(new String[]{"--duration"}))
                .hasMessageContaining("--duration");
        assertThatThrownBy(() -> LiveTailOptions.parse(new String[]{"--speed", "3"}))
                .hasMessageContaining("--speed");
    }
}
