package id.kypso.core.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian writer for the compact binary payloads inside slip and ticket QR codes. */
public final class BinaryWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(160);

    public BinaryWriter u8(int value) {
        checkRange(value, 0xff, "u8");
        out.write(value);
        return this;
    }

    public BinaryWriter u16(int value) {
        checkRange(value, 0xffff, "u16");
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    public BinaryWriter u32(long value) {
        checkRange(value, 0xffff_ffffL, "u32");
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    public BinaryWriter u64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    public BinaryWriter bytes(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    /** Writes an ASCII string of at most 255 characters, prefixed by its length. */
    public BinaryWriter shortAscii(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        u8(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private static void checkRange(long value, long max, String type) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(type + " out of range: " + value);
        }
    }
}
