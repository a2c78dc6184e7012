package id.kypso.kiosk.printer;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Asks a printer for its four DLE EOT status bytes. */
final class StatusReader {

    private StatusReader() {
    }

    /**
     * Sends DLE EOT 1 to 4 and reads one answer byte after each; empty when an answer does not
     * arrive within {@code timeout}. A byte that is not a status byte is an error.
     */
    static Optional<PrinterStatus> read(PrinterPort port, Duration timeout)
            throws IOException {
        port.discardInput();
        int[] answers = new int[4];
        for (int type = 1; type <= 4; type++) {
            port.write(EscPos.statusRequest(type));
            int answer = port.read(timeout);
            if (answer < 0) {
                return Optional.empty();
            }
            if (!PrinterStatus.isStatusByte(answer)) {
                throw new IOException(String.format("printer on %s answered DLE EOT %d with"
                        + " 0x%02x, which is not a status byte", port.name(), type, answer));
            }
            answers[type - 1] = answer;
        }
        return Optional.of(new PrinterStatus(answers[0], answers[1], answers[2], answers[3]));
    }
}
