package cn.campaign.pipeline.generator;

import cn.campaign.pipeline.contract.SubmissionKind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A national day once more, for the benchmark's floors: one UTF-8 CSV per kind with the
 * contract's English header, appended a whole file's records at a time (files are written
 * in parallel, so their order in the copy varies; their records do not).
 */
final class NationalDayCopy implements AutoCloseable {

    private final Map<SubmissionKind, BufferedWriter> writers = new EnumMap<>(SubmissionKind.class);

    NationalDayCopy(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            for (SubmissionKind kind : SubmissionKind.values()) {
                BufferedWriter writer = Files.newBufferedWriter(file(dir, kind), StandardCharsets.UTF_8);
                writers.put(kind, writer);
                writer.write(String.join(",", kind.columnNames()));
                writer.write('\n');
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** The copy of the kind's records in a folder written by {@link NationalDay#write(Path, java.time.LocalDate, Path)}. */
    static Path file(Path dir, SubmissionKind kind) {
        return dir.resolve(kind.fileKind() + ".csv");
    }

    void append(SubmissionKind kind, CharSequence lines) throws IOException {
        BufferedWriter writer = writers.get(kind);
        synchronized (writer) {
            writer.append(lines);
        }
    }

    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (BufferedWriter writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
