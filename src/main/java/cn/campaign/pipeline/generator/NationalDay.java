package cn.campaign.pipeline.generator;

import static cn.campaign.pipeline.generator.Draws.mix;

import cn.campaign.pipeline.contract.SubmissionKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The benchmark's submissions: one submission date of every active precinct of a
 * {@link NationalRegistry}, four files per precinct (visits, disputes, hazards,
 * inspections), about 500 rows per precinct, so 2,000,000 rows over 16,000 files for 4,000
 * precincts. About 1% of the rows are broken and 0.5% repeat an earlier line of their file
 * ({@link NationalFile}); a file is UTF-8 with an English header, or what Excel saves (UTF-8
 * with BOM or GB18030, CRLF, Chinese header and values, {@code 2026/3/16} dates).
 * <p>
 * Every file is a pure function of the seed, the precinct and the date, and is streamed to
 * disk row by row; precincts are written in parallel. The case and hazard ledgers need no
 * state either ({@link NationalCases}), so a day's files do not depend on which days were
 * written before, and {@link #ledger} counts what a run of days holds, for the benchmark to
 * check the warehouse's metrics against.
 */
public final class NationalDay {

    /**
     * What was written: data records (a record may span lines), the broken and the repeated
     * ones among them, and of the broken ones those with a wrong number of fields (R08),
     * which a plain {@code COPY} cannot take.
     */
    public record Counts(long files, long rows, long badRows, long duplicateRows, long wrongFieldCountRows) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(files + other.files, rows + other.rows, badRows + other.badRows,
                    duplicateRows + other.duplicateRows, wrongFieldCountRows + other.wrongFieldCountRows);
        }

        /** The records a plain {@code COPY} of the day takes: all but those with a wrong number of fields. */
        public long copyableRows() {
            return rows - wrongFieldCountRows;
        }
    }

    /**
     * What the generated days hold, by construction, on their last date: the cases and
     * hazards that have at least one snapshot in the files from the campaign start to that
     * date, those whose status on it is resolved (rectified), and the cases reported on that
     * date alone. The warehouse's metrics of the region on that date must show the same.
     */
    public record Ledger(long disputesFound, long disputesResolved, long disputesReportedThatDay, long hazardsFound,
                         long hazardsRectified) {

        static final Ledger NONE = new Ledger(0, 0, 0, 0, 0);

        Ledger plus(Ledger other) {
            return new Ledger(disputesFound + other.disputesFound, disputesResolved + other.disputesResolved,
                    disputesReportedThatDay + other.disputesReportedThatDay, hazardsFound + other.hazardsFound,
                    hazardsRectified + other.hazardsRectified);
        }
    }

    /** The tools the national precincts save their files with: three in four files are plain UTF-8. */
    private static final Weighted<Flavour> FLAVOURS = new Weighted<>(
            List.of(Flavour.PLAIN_UTF8, Flavour.EXCEL_UTF8_BOM, Flavour.EXCEL_GB18030), 75, 10, 15);
    /** Visits of draws from the enterprise share up to this go to a venue. */
    private static final int VENUE_VISIT_BELOW = 30;
    /** Visits of draws from the venue share up to this go to a unit of the neighbouring precinct. */
    private static final int NEIGHBOUR_VISIT_BELOW = 33;
    private static final List<String> NOTES = List.of(
            "入户走访，宣传反诈知识", "了解家庭成员情况，无异常", "登记流动人口信息", "宣传冬季防火安全常识",
            "走访亮身份，发放警民联系卡", "开展安全生产检查", "核查住宿人员登记", "召开村民座谈会，收集意见建议");

    private final NationalRegistry registry;
    private final LocalDate campaignStart;
    private final long seed;
    private final NationalCases cases;

    public NationalDay(NationalRegistry registry, LocalDate campaignStart, long seed) {
        this.registry = registry;
        this.campaignStart = campaignStart;
        this.seed = seed;
        this.cases = new NationalCases(registry, campaignStart, seed);
    }

    /**
     * Writes the four files of every active precinct for {@code day} into {@code inbox} and,
     * when {@code copyDir} is given, the same records once more into {@code copyDir} as one
     * UTF-8 CSV per kind ({@link #copyFile}) with the contract's English header, for a plain
     * {@code COPY … (format csv, header)}: every record of the day as its file spells it
     * (Chinese values and {@code 2026/3/16} dates included, broken and repeated records
     * included), but those with a wrong number of fields (R08), which COPY cannot take.
     */
    public Counts write(Path inbox, LocalDate day, Path copyDir) throws IOException {
        Files.createDirectories(inbox);
        try (NationalDayCopy copy = copyDir == null ? null : new NationalDayCopy(copyDir)) {
            return IntStream.range(0, registry.precincts()).parallel()
                    .filter(registry::active)
                    .mapToObj(precinct -> {
                        Counts counts = Counts.NONE;
                        for (SubmissionKind kind : SubmissionKind.values()) {
                            counts = counts.plus(writeFile(inbox, precinct, day, kind, copy));
                        }
                        return counts;
                    })
                    .reduce(Counts.NONE, Counts::plus);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The copy of the kind's records in a folder written by {@link #write}. */
    public static Path copyFile(Path copyDir, SubmissionKind kind) {
        return NationalDayCopy.file(copyDir, kind);
    }

    /**
     * What every day from the campaign start to {@code through}, all written, holds in its
     * case and hazard ledgers ({@link Ledger}). Computed from the same draws as the files.
     */
    public Ledger ledger(LocalDate through) {
        return IntStream.range(0, registry.precincts()).parallel()
                .filter(registry::active)
                .mapToObj(precinct -> cases.ledger(precinct, through))
                .reduce(Ledger.NONE, Ledger::plus);
    }

    private Counts writeFile(Path inbox, int precinct, LocalDate day, SubmissionKind kind, NationalDayCopy copy) {
        // the kind's position in the contract seeds its file: the same precinct and day, four independent files
        SplittableRandom random = new SplittableRandom(mix(seed, precinct, day.toEpochDay(), kind.ordinal()));
        Flavour flavour = FLAVOURS.draw(random);
        Path file = inbox.resolve(Codes.fileName(registry.precinctCode(precinct), day, kind, 1));
        try (NationalFile out = new NationalFile(file, kind, flavour, random, copy)) {
            switch (kind) {
                case VISITS -> {
                    int count = Draws.between(random, 250, 350);
                    for (int sequence = 1; sequence <= count; sequence++) {
                        out.row(visit(precinct, day, sequence, random));
                    }
                }
                case INSPECTIONS -> {
                    int count = Draws.between(random, 90, 150);
                    for (int sequence = 1; sequence <= count; sequence++) {
                        out.row(inspection(precinct, day, sequence, random));
                    }
                }
                case DISPUTES -> {
                    for (int back = NationalCases.DISPUTE_LOOKBACK_DAYS; back >= 0; back--) {
                        LocalDate opened = day.minusDays(back);
                        int count = cases.disputesOpened(precinct, opened);
                        for (int item = 0; item < count; item++) {
                            for (String[] snapshot : cases.disputeSnapshots(precinct, opened, item, back, day)) {
                                out.row(snapshot);
                            }
                        }
                    }
                }
                case HAZARDS -> {
                    for (int back = NationalCases.HAZARD_LOOKBACK_DAYS; back >= 0; back--) {
                        LocalDate found = day.minusDays(back);
                        int count = cases.hazardsFound(precinct, found);
                        for (int item = 0; item < count; item++) {
                            String[] snapshot = cases.hazardSnapshot(precinct, found, item, back, day);
                            if (snapshot != null) {
                                out.row(snapshot);
                            }
                        }
                    }
                }
            }
            return out.counts();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A visit of one of the precinct's units (its enterprises, its venues, the unit itself) or of its neighbour's. */
    private String[] visit(int precinct, LocalDate day, int sequence, SplittableRandom random) {
        LocalDate visitDate = notBeforeStart(day.minusDays(SubmissionDraws.visitLagDays(random)));
        String officer = String.valueOf(100000 + (precinct * 40 + random.nextInt(40)) % 900000);
        int unit = random.nextInt(registry.unitCount(precinct));
        int draw = random.nextInt(100);
        String type;
        String target;
        if (draw < SubmissionDraws.ENTERPRISE_VISIT_PERCENT) {
            type = "enterprise";
            target = registry.creditCode(precinct, unit, random.nextInt(registry.enterpriseCount(precinct, unit)));
        } else if (draw < VENUE_VISIT_BELOW) {
            type = "venue";
            target = registry.venueId(precinct, unit, random.nextInt(registry.venueCount(precinct, unit)));
        } else {
            // now and then a unit of the neighbouring precinct of the same county
            int owner = draw < NEIGHBOUR_VISIT_BELOW && (precinct ^ 1) < registry.precincts() ? precinct ^ 1 : precinct;
            int ownerUnit = owner == precinct ? unit : random.nextInt(registry.unitCount(owner));
            target = registry.unitCode(owner, ownerUnit);
            boolean household = SubmissionDraws.household(random);
            type = household ? "household" : registry.community(owner, ownerUnit) ? "community" : "village";
        }
        int persons = SubmissionDraws.personsReached(type, random);
        int issues = SubmissionDraws.issuesFound(random);
        return SubmissionRows.visit(SubmissionRows.visitId(day, sequence, 5), visitDate, officer, type, target, persons,
                issues, note(random));
    }

    /** Free text as officers type it: often empty, now and then a phone number (masked), a comma or a line break. */
    private static String note(SplittableRandom random) {
        int draw = random.nextInt(1000);
        if (draw < 400) {
            return "";
        }
        String note = Draws.pick(random, NOTES);
        if (draw < 430) {
            return Notes.withMobileNumber(note, random);
        } else if (draw < 440) {
            return Notes.withComma(note);
        } else if (draw < 443) {
            return Notes.withLineBreak(note);
        }
        return note;
    }

    private String[] inspection(int precinct, LocalDate day, int sequence, SplittableRandom random) {
        LocalDate inspectionDate = notBeforeStart(day.minusDays(SubmissionDraws.inspectionLagDays(random)));
        int unit = random.nextInt(registry.unitCount(precinct));
        String venue = registry.venueId(precinct, unit, random.nextInt(registry.venueCount(precinct, unit)));
        int found = SubmissionDraws.violationsFound(random);
        int handled = SubmissionDraws.violationsHandled(found, random);
        return SubmissionRows.inspection(SubmissionRows.inspectionId(day, sequence, 4), inspectionDate, venue, found,
                handled);
    }

    private LocalDate notBeforeStart(LocalDate date) {
        return date.isBefore(campaignStart) ? campaignStart : date;
    }
}
