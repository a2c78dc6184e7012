package id.kypso.provisioning.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.provisioning.device.DeviceSpec;
import id.kypso.provisioning.device.PrinterOutput;
import id.kypso.provisioning.device.ScannerInput;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scanner and printer over a real serial line: a socat pseudo-terminal pair. */
class SerialDevicesTest {
    @TempDir
    Path temp;
    Path kioskSide;
    Path deviceSide;
    Process socat;

    @BeforeEach
    void startPtyPair() throws Exception {
        kioskSide = temp.resolve("kiosk-tty");
        deviceSide = temp.resolve("device-tty");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + kioskSide,
                "pty,raw,echo=0,link=" + deviceSide).redirectErrorStream(true).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(kioskSide) && Files.exists(deviceSide))) {
            assertThat(System.nanoTime()).as("socat made no pty pair").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @AfterEach
    void stopPtyPair() throws Exception {
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
    }

    @Test
    void serialScanner_returnsOneCrTerminatedScan() throws Exception {
        CompletableFuture<Optional<String>> scan = CompletableFuture.supplyAsync(() -> {
            try {
                return ScannerInput.readOne(DeviceSpec.parse("serial:" + kioskSide + ":115200"),
                        new BufferedReader(new StringReader("")), Duration.ofSeconds(20));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (OutputStream device = Files.newOutputStream(deviceSide)) {
            // Repeated until the reader has the port open; only the first line is returned.
            for (int i = 0; i < 200 && !scan.isDone(); i++) {
                device.write("KS1:ABC123\r".getBytes(StandardCharsets.US_ASCII));
                device.flush();
                Thread.sleep(50);
            }
        }

        assertThat(scan.get(20, TimeUnit.SECONDS)).contains("KS1:ABC123");
    }

    @Test
    void serialPrinter_receivesTheBytes() throws Exception {
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(deviceSide)) {
                return in.readNBytes(5);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        PrinterOutput.send(DeviceSpec.parse("serial:" + kioskSide), new byte[] {0x1B, '@', 'O',
                'K', '\n'}, Duration.ofSeconds(5));

        assertThat(received.get(20, TimeUnit.SECONDS)).containsExactly(0x1B, '@', 'O', 'K',
                '\n');
    }

    @Test
    void deviceSpecs_parseEveryForm() {
        assertThat(DeviceSpec.parse("stdin")).isInstanceOf(DeviceSpec.Stdin.class);
        assertThat(DeviceSpec.parse("serial:/dev/kypso-scanner"))
                .isEqualTo(new DeviceSpec.Serial(Path.of("/dev/kypso-scanner"), 9600));
        assertThat(DeviceSpec.parse("serial:/dev/ttyUSB0:115200"))
                .isEqualTo(new DeviceSpec.Serial(Path.of("/dev/ttyUSB0"), 115200));
        assertThat(DeviceSpec.parse("serial:/dev/ttyUSB0@19200"))
                .isEqualTo(new DeviceSpec.Serial(Path.of("/dev/ttyUSB0"), 19200));
        assertThat(DeviceSpec.parse("tcp:192.168.1.50:9100"))
                .isEqualTo(new DeviceSpec.Tcp("192.168.1.50", 9100));
        assertThat(DeviceSpec.parse("file:/dev/usb/lp0"))
                .isEqualTo(new DeviceSpec.File(Path.of("/dev/usb/lp0")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeviceSpec.parse("usb"))
                .hasMessageContaining("stdin, file:PATH, serial:PATH[:BAUD] or tcp:HOST:PORT");
    }
}
