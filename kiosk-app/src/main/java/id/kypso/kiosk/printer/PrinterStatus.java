package id.kypso.kiosk.printer;

import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import java.util.Optional;

/**
 * The four real-time status bytes a printer returns for DLE EOT 1 to 4. Bit meanings follow
 * the Epson ESC/POS reference for DLE EOT.
 *
 * @param printer n=1: bit 3 set when the printer is offline
 * @param offlineCause n=2: bit 2 cover open, bit 5 stopped for paper end, bit 6 error
 * @param error n=3: bit 3 autocutter error, bit 5 unrecoverable, bit 6 auto-recoverable error
 * @param paperSensor n=4: bits 2-3 paper near end, bits 5-6 paper end
 */
record PrinterStatus(int printer, int offlineCause, int error, int paperSensor) {

    /** Every status byte has bit 1 and 4 set and bits 0 and 7 clear. */
    static boolean isStatusByte(int value) {
        return value >= 0 && value <= 0xff && (value & 0x93) == 0x12;
    }

    boolean offline() {
        return (printer & 0x08) != 0;
    }

    boolean coverOpen() {
        return (offlineCause & 0x04) != 0;
    }

    boolean paperEnd() {
        return (offlineCause & 0x20) != 0 || (paperSensor & 0x60) != 0;
    }

    boolean paperNearEnd() {
        return (paperSensor & 0x0c) != 0;
    }

    boolean hasError() {
        return (offlineCause & 0x40) != 0 || (error & 0x68) != 0;
    }

    /** Returns the fault that keeps a ticket from printing, most specific first. */
    Optional<PrinterFault> fault() {
        if (coverOpen()) {
            return Optional.of(PrinterFault.COVER_OPEN);
        }
        if (paperEnd()) {
            return Optional.of(PrinterFault.PAPER_END);
        }
        if (hasError()) {
            return Optional.of(PrinterFault.PRINTER_ERROR);
        }
        if (offline()) {
            return Optional.of(PrinterFault.OFFLINE);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return String.format("status[printer=0x%02x offline=0x%02x error=0x%02x paper=0x%02x]",
                printer, offlineCause, error, paperSensor);
    }
}
