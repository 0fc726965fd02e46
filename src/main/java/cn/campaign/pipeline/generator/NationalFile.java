package cn.campaign.pipeline.generator;

import cn.campaign.pipeline.contract.SubmissionKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * One file of a national day, written row by row through a {@link SubmissionFileWriter}:
 * about 1% of the rows broken (every reject code but R09 occurs), 0.5% repeated on the next
 * line; and, when the day is also copied for the floors, every record with the right number
 * of fields once more for {@link NationalDayCopy} (handed over whole when the file closes).
 */
final class NationalFile implements AutoCloseable {

    private static final int BAD_ROWS_PER_10000 = 100;
    private static final int DUPLICATE_ROWS_PER_10000 = 50;

    private final SubmissionFileWriter out;
    private final SubmissionKind kind;
    private final SplittableRandom random;
    private final NationalDayCopy copy;
    private final StringBuilder copyLines;
    private long badRows;
    private long duplicateRows;
    private long wrongFieldCountRows;

    NationalFile(Path file, SubmissionKind kind, Flavour flavour, SplittableRandom random, NationalDayCopy copy)
            throws IOException {
        this.kind = kind;
        this.random = random;
        this.copy = copy;
        this.copyLines = copy == null ? null : new StringBuilder(32 * 1024);
        this.out = new SubmissionFileWriter(file, kind, FileLayout.usual(flavour, kind), copyLines);
    }

    /** A snapshot row stays when a broken copy is written beside it, so that no change of state is lost. */
    void row(String[] row) throws IOException {
        if (random.nextInt(10_000) < BAD_ROWS_PER_10000) {
            writeBroken(row);
            badRows++;
            if (!SubmissionRows.isSnapshot(kind)) {
                return;
            }
        }
        out.write(row);
        if (random.nextInt(10_000) < DUPLICATE_ROWS_PER_10000) {
            out.write(row);
            duplicateRows++;
        }
    }

    /**
     * The row with one fault that the pipeline must reject. The national setting breaks the
     * registry codes without a draw of their own ({@link BrokenValues#unknownCode},
     * {@link BrokenValues#wrongCheckCharacter(String)}), where the two cities draw.
     */
    private void writeBroken(String[] row) throws IOException {
        String[] broken = row.clone();
        int date = SubmissionRows.firstDateColumn(kind);
        switch (random.nextInt(6)) {
            case 0 -> broken[0] = ""; // R01: the row's id
            case 1 -> broken[date] = BrokenValues.impossibleDate(row[date]); // R02
            case 2 -> broken[date] = "2099-01-01"; // R03
            case 3 -> {
                int column = SubmissionRows.registryCodeColumn(kind);
                boolean enterprise = kind == SubmissionKind.VISITS
                        && "enterprise".equals(row[kind.indexOf("target_type")]);
                broken[column] = enterprise
                        ? BrokenValues.wrongCheckCharacter(row[column]) : BrokenValues.unknownCode(row[column]);
            }
            case 4 -> {
                out.writeCut(row); // R08
                wrongFieldCountRows++;
                return;
            }
            default -> broken[date] = "昨天"; // R02
        }
        out.write(broken);
    }

    NationalDay.Counts counts() {
        return new NationalDay.Counts(1, out.records(), badRows, duplicateRows, wrongFieldCountRows);
    }

    @Override
    public void close() throws IOException {
        out.close();
        if (copy != null) {
            copy.append(kind, copyLines);
        }
    }
}
