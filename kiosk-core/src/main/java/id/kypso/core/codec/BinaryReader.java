package id.kypso.core.codec;

import id.kypso.core.codec.PayloadException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Big-endian reader that turns every overrun into a {@link Reason#MALFORMED} rejection. */
public final class BinaryReader {
    private final byte[] data;
    private int position;

    public BinaryReader(byte[] data) {
        this.data = data;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return data.length - position;
    }

    public int u8() throws PayloadException {
        need(1);
        return data[position++] & 0xff;
    }

    public int u16() throws PayloadException {
        return (u8() << 8) | u8();
    }

    public long u32() throws PayloadException {
        return ((long) u16() << 16) | u16();
    }

    public long u64() throws PayloadException {
        return (u32() << 32) | u32();
    }

    public byte[] bytes(int length) throws PayloadException {
        need(length);
        byte[] result = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return result;
    }

    public String shortAscii() throws PayloadException {
        int length = u8();
        byte[] bytes = bytes(length);
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                throw new PayloadException(Reason.MALFORMED,
                        "text field at " + (position - length) + " is not printable ASCII");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private void need(int count) throws PayloadException {
        if (count < 0 || position + count > data.length) {
            throw new PayloadException(Reason.MALFORMED, "payload ends at byte " + data.length
                    + " but a field needs " + count + " more from byte " + position);
        }
    }
}
