package cn.campaign.pipeline.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One streaming pass over a file's bytes: its SHA-256, its size, and which encoding the
 * contract allows decodes it (UTF-8 with or without BOM, else GB18030). Also tells whether
 * the text is empty (nothing but a BOM or white space) or not text at all (control
 * characters such as NUL). The file is never held in memory.
 */
public final class FileInspection {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String sha256;
    private final long size;
    private final boolean utf8Bom;
    private final Probe utf8;
    private final Probe gb18030;

    private FileInspection(String sha256, long size, boolean utf8Bom, Probe utf8, Probe gb18030) {
        this.sha256 = sha256;
        this.size = size;
        this.utf8Bom = utf8Bom;
        this.utf8 = utf8;
        this.gb18030 = gb18030;
    }

    public static FileInspection of(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        Probe utf8 = new Probe(StandardCharsets.UTF_8);
        long size = 0;
        boolean bom = false;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            boolean first = true;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                digest.update(buffer, 0, n);
                int offset = 0;
                if (first) {
                    bom = n >= 3 && buffer[0] == UTF8_BOM[0] && buffer[1] == UTF8_BOM[1] && buffer[2] == UTF8_BOM[2];
                    offset = bom ? 3 : 0;
                    first = false;
                }
                utf8.feed(buffer, offset, n - offset, false);
                size += n;
            }
        }
        utf8.feed(buffer, 0, 0, true);
        // GB18030 is tried only on what is not UTF-8 (and has no UTF-8 BOM): most files are UTF-8
        Probe gb18030 = utf8.valid || bom ? null : probe(file, new Probe(GB18030));
        return new FileInspection(HexFormat.of().formatHex(digest.digest()), size, bom, utf8, gb18030);
    }

    private static Probe probe(Path file, Probe probe) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                probe.feed(buffer, 0, n, false);
            }
        }
        probe.feed(buffer, 0, 0, true);
        return probe;
    }

    /** The SHA-256 of the file's bytes, as lowercase hex. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    /** The charset the contract reads this file with, or null if none decodes it (F03). */
    public Charset charset() {
        if (utf8.valid) {
            return StandardCharsets.UTF_8;
        }
        // a UTF-8 BOM announces UTF-8: bytes after it that are not UTF-8 are not decodable
        return gb18030 != null && gb18030.valid ? GB18030 : null;
    }

    /** Decodes, but holds control characters (NUL, binary data): not a CSV file (F03). */
    public boolean binary() {
        Probe chosen = chosen();
        return chosen != null && chosen.controlCharacters;
    }

    /** No bytes, or nothing but a BOM or white space (F06). */
    public boolean blank() {
        Probe chosen = chosen();
        return size == 0 || (chosen != null && !chosen.content);
    }

    /** A reader over the decoded text, after the BOM; malformed input fails loudly. */
    public Reader open(Path file) throws IOException {
        Charset charset = charset();
        if (charset == null) {
            throw new IllegalStateException(file + " is not decodable");
        }
        InputStream in = Files.newInputStream(file);
        if (utf8Bom) {
            in.skipNBytes(3);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
    }

    private Probe chosen() {
        Charset charset = charset();
        if (charset == null) {
            return null;
        }
        return charset == StandardCharsets.UTF_8 ? utf8 : gb18030;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes the byte stream with one charset, strictly, and watches the characters. */
    private static final class Probe {
        private final CharsetDecoder decoder;
        private final CharBuffer out = CharBuffer.allocate(64 * 1024);
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private boolean valid = true;
        private boolean content;
        private boolean controlCharacters;

        Probe(Charset charset) {
            this.decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        void feed(byte[] bytes, int offset, int length, boolean endOfInput) {
            if (!valid) {
                return;
            }
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + length);
            in.put(pending).put(bytes, offset, length).flip();
            while (true) {
                CoderResult result = decoder.decode(in, out, endOfInput);
                watch();
                if (result.isError()) {
                    valid = false;
                    return;
                }
                if (result.isUnderflow()) {
                    break;
                }
            }
            if (endOfInput) {
                CoderResult result = decoder.flush(out);
                watch();
                if (result.isError()) {
                    valid = false;
                }
            }
            pending = in.slice();
        }

        private void watch() {
            out.flip();
            while (out.hasRemaining()) {
                char c = out.get();
                if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                    controlCharacters = true;
                } else if (!Character.isWhitespace(c) && c != '\uFEFF') {
                    content = true;
                }
            }
            out.clear();
        }
    }
}
