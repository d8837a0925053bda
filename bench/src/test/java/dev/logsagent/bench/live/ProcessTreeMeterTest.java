package dev.logsagent.bench.live;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessTreeMeterTest {

    @Test
    void addsUpTheCpuAndMemoryOfAProcessAndItsChildren() throws Exception {
        // A shell whose child burns CPU for a while, then both wait: the CPU is the grandchild's, not the root's.
        Process root = new ProcessBuilder("sh", "-c",
                "sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; touch /dev/null; sleep 30' & wait")
                .start();
        try {
            ProcessTreeMeter meter = new ProcessTreeMeter(root.pid());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            do {
                Thread.sleep(100);
                meter.sample();
            } while (meter.cpuSeconds() < 0.2 && System.nanoTime() < deadline);

            assertThat(meter.cpuSeconds()).isGreaterThanOrEqualTo(0.2);
            assertThat(meter.peakRssMib()).isGreaterThan(0).isGreaterThanOrEqualTo(meter.rssMib());
            assertThat(ProcessTreeMeter.cpuSeconds(ProcessHandle.current().pid())).isGreaterThan(0);
            assertThat(ProcessTreeMeter.hostBusySeconds()).isGreaterThan(0);
        } finally {
            root.descendants().forEach(ProcessHandle::destroyForcibly);
            root.destroyForcibly().waitFor();
        }
    }
}
