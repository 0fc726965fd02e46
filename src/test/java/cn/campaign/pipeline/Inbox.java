package cn.campaign.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** A test inbox: submission files written the way precincts send them. */
public final class Inbox {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path dir;

    public Inbox(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** UTF-8 without BOM, LF line ends; {@code lines} joined with a final line end. */
    public Path utf8(String name, String... lines) {
        return bytes(name, text(lines).getBytes(StandardCharsets.UTF_8));
    }

    public Path utf8WithBom(String name, String... lines) {
        byte[] body = text(lines).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(body, 0, withBom, BOM.length, body.length);
        return bytes(name, withBom);
    }

    /** What Excel on a Chinese desktop saves: GB18030, CRLF. */
    public Path gb18030Crlf(String name, String... lines) {
        return bytes(name, String.join("\r\n", lines).concat("\r\n").getBytes(GB18030));
    }

    public Path bytes(String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, content);
            // distinct, stable timestamps: discovery compares them
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-03-01T00:00:00Z")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
