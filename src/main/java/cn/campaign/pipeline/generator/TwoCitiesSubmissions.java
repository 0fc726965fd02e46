package cn.campaign.pipeline.generator;

import cn.campaign.pipeline.contract.SubmissionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The demo's submissions (contract section 2) for the active precincts of a registry such
 * as {@link TwoCitiesRegistry} writes, shaped like the seed report: about 15 visits per
 * precinct a day ({@link TwoCitiesVisits}), a ledger of disputes of which some 98% end
 * resolved and a few hundred hazards a month ({@link TwoCitiesLedgers}), two venue
 * inspections per precinct a day with a violation now and then.
 * The files look like what precincts really send: three encodings, English or Chinese
 * headers and values, four date forms, shuffled and extra columns, about one row in a
 * hundred broken ({@link TwoCitiesFaults}), a few precinct-days missing, late files and
 * {@code _v2} corrections. The days are written in order, each precinct drawing from its own
 * random ({@link TwoCitiesPrecinct}): the same registry, range and seed always give the same bytes.
 */
public final class TwoCitiesSubmissions {

    /**
     * What was written. {@code rows} counts the data rows of every file, broken rows and
     * corrections included; {@code badRows} the rows broken on purpose, each of which the
     * pipeline must reject; {@code correctedFiles} the {@code _v2} files; {@code lateFiles}
     * the files, corrections included, that arrive after their submission date;
     * {@code missingPrecinctDays} the (active precinct, day) pairs without any file.
     */
    public record Counts(int files, long rows, int badRows, int correctedFiles, int lateFiles, int missingPrecinctDays) {
    }

    /** The tools the two cities' precincts save their files with. */
    private static final Weighted<Flavour> FLAVOURS = new Weighted<>(
            List.of(Flavour.PLAIN_UTF8, Flavour.EXCEL_GB18030, Flavour.EXCEL_UTF8_BOM, Flavour.WEB_EXPORT), 70, 15, 10, 5);
    private static final int MISSING_DAY_PERCENT = 3;
    private static final int LATE_FILE_PERCENT = 2;
    private static final int BAD_ROW_PERCENT = 1;
    /** Per mille of files corrected by a v2: precincts mostly resubmit after their feedback lists a reject. */
    private static final int CORRECTION_PER_MILLE_WITH_REJECTS = 150;
    private static final int CORRECTION_PER_MILLE_WITHOUT_REJECTS = 3;
    /** A precinct saves its files the same way most days. */
    private static final int HABITUAL_FLAVOUR_PERCENT = 85;
    private static final int SHUFFLED_COLUMNS_PERCENT = 10;
    private static final int EXTRA_COLUMN_PERCENT = 8;
    private static final List<String> CLERKS = List.of(
            "王丽", "李强", "张敏", "刘军", "陈静", "杨磊", "赵芳", "巴特尔", "其其格", "苏日娜", "额尔敦", "乌云");

    /** How one file (and its correction, saved by the same hand) is laid out, and the seed of its broken rows. */
    private record FilePlan(FileLayout layout, long faultSeed) {
    }

    private final LocalDate from;
    private final LocalDate to;
    private final Function<LocalDate, Path> folderForArrival;
    private final TwoCitiesVisits visits;
    private final TwoCitiesLedgers ledgers;
    private final List<TwoCitiesPrecinct> precincts = new ArrayList<>();
    private final Set<Path> createdFolders = new HashSet<>();

    private int filesWritten;
    private long rowsWritten;
    private int badRowsWritten;
    private int correctionsWritten;
    private int lateFilesWritten;
    private int missingPrecinctDays;

    private TwoCitiesSubmissions(RegistryContents registry, LocalDate from, LocalDate to, long seed,
                                 Function<LocalDate, Path> folderForArrival) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        this.from = from;
        this.to = to;
        this.folderForArrival = folderForArrival;
        this.visits = new TwoCitiesVisits(from, registry.communities());
        this.ledgers = new TwoCitiesLedgers(registry.communities());
        SplittableRandom master = new SplittableRandom(seed);
        Set<String> takenOfficerIds = new HashSet<>();
        for (String code : registry.activePrecincts()) {
            if (!registry.unitsOfPrecinct().containsKey(code)) {
                continue; // a precinct without villages or communities has nothing to visit or record
            }
            precincts.add(new TwoCitiesPrecinct(code, registry, master.split(), takenOfficerIds, FLAVOURS));
        }
    }

    /** Writes every file of the days {@code from..to} into the one folder {@code inbox}. */
    public static Counts write(Path registryDir, Path inbox, LocalDate from, LocalDate to, long seed) throws IOException {
        return new TwoCitiesSubmissions(RegistryContents.read(registryDir), from, to, seed, arrival -> inbox).run();
    }

    /**
     * Writes the same files as {@link #write} into {@code arrivalsRoot/<YYYYMMDD>/}, the day
     * each file arrives: its submission date, or one to three days later for late files and
     * for corrections (so folders may run up to six days past {@code to}). Feeding the
     * folders to the pipeline night by night replays the campaign as it happened.
     */
    public static Counts writeByArrival(Path registryDir, Path arrivalsRoot, LocalDate from, LocalDate to, long seed)
            throws IOException {
        return new TwoCitiesSubmissions(RegistryContents.read(registryDir), from, to, seed,
                arrival -> arrivalsRoot.resolve(Codes.compactDate(arrival))).run();
    }

    private Counts run() throws IOException {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (TwoCitiesPrecinct precinct : precincts) {
                submitDay(precinct, day);
            }
        }
        return new Counts(filesWritten, rowsWritten, badRowsWritten, correctionsWritten, lateFilesWritten,
                missingPrecinctDays);
    }

    private void submitDay(TwoCitiesPrecinct precinct, LocalDate day) throws IOException {
        if (precinct.random.nextInt(100) < MISSING_DAY_PERCENT) {
            // Nothing happens on the books that day; changes already scheduled go out with the next file.
            missingPrecinctDays++;
            return;
        }
        ledgers.openCases(precinct, day);
        ledgers.findHazards(precinct, day);
        submit(precinct, day, SubmissionKind.VISITS, visits.visits(precinct, day));
        submit(precinct, day, SubmissionKind.DISPUTES, precinct.dueDisputes(day));
        submit(precinct, day, SubmissionKind.HAZARDS, precinct.dueHazards(day));
        submit(precinct, day, SubmissionKind.INSPECTIONS, visits.inspections(precinct, day));
    }

    private void submit(TwoCitiesPrecinct precinct, LocalDate day, SubmissionKind kind, FileRows rows) throws IOException {
        SplittableRandom random = precinct.random;
        if (rows.count() == 0 && random.nextBoolean()) {
            return; // nothing to report, and no zero report either
        }
        FilePlan plan = plan(precinct, kind);
        LocalDate arrival = random.nextInt(100) < LATE_FILE_PERCENT ? day.plusDays(Draws.between(random, 1, 3)) : day;
        int originalBadRows = writeFile(precinct, day, kind, 1, arrival, plan, rows, true, -1);

        int correctionPerMille = originalBadRows > 0
                ? CORRECTION_PER_MILLE_WITH_REJECTS : CORRECTION_PER_MILLE_WITHOUT_REJECTS;
        if (rows.count() > 0 && random.nextInt(1000) < correctionPerMille) {
            // A v2 replaces the whole file: the broken rows repaired, or else one row changed.
            int amendedRow = originalBadRows > 0 ? -1 : random.nextInt(rows.count());
            writeFile(precinct, day, kind, 2, arrival.plusDays(Draws.between(random, 1, 3)), plan, rows, false, amendedRow);
            correctionsWritten++;
        }
    }

    /** The tool (mostly the precinct's habitual one), date form, column order, extra column and clerk of one file. */
    private static FilePlan plan(TwoCitiesPrecinct precinct, SubmissionKind kind) {
        SplittableRandom random = precinct.random;
        Flavour flavour = random.nextInt(100) < HABITUAL_FLAVOUR_PERCENT ? precinct.habit : FLAVOURS.draw(random);
        DateForm dateForm = flavour.drawDateForm(random);
        int[] columnOrder = IntStream.range(0, kind.columns().size()).toArray();
        if (random.nextInt(100) < SHUFFLED_COLUMNS_PERCENT) {
            for (int i = columnOrder.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swapped = columnOrder[i];
                columnOrder[i] = columnOrder[j];
                columnOrder[j] = swapped;
            }
        }
        FileLayout.ExtraColumn extra = random.nextInt(100) < EXTRA_COLUMN_PERCENT
                ? (random.nextBoolean() ? FileLayout.ExtraColumn.ROW_NUMBER : FileLayout.ExtraColumn.ENTERED_BY)
                : FileLayout.ExtraColumn.NONE;
        String clerk = Draws.pick(random, CLERKS);
        return new FilePlan(new FileLayout(flavour, dateForm, columnOrder, extra, clerk), random.nextLong());
    }

    /**
     * Streams one file and returns how many rows it broke on purpose. Every row draws its
     * fault dice from the plan's seed whether or not faults are written, so a correction
     * sees the same rows and knows which were broken.
     *
     * @param withFaults  write the broken rows (the original) or leave them out or repaired (a correction)
     * @param amendedRow  index of the row a correction changes, or -1
     */
    private int writeFile(TwoCitiesPrecinct precinct, LocalDate day, SubmissionKind kind, int version, LocalDate arrival,
                          FilePlan plan, FileRows rows, boolean withFaults, int amendedRow) throws IOException {
        Path folder = folderForArrival.apply(arrival);
        if (createdFolders.add(folder)) {
            Files.createDirectories(folder);
        }
        String name = Codes.fileName(precinct.code, day, kind, version);
        SplittableRandom faultDice = new SplittableRandom(plan.faultSeed());
        int broken = 0;
        try (SubmissionFileWriter out = new SubmissionFileWriter(folder.resolve(name), kind, plan.layout(), null)) {
            Iterator<String[]> rowIterator = rows.replay().get().iterator();
            for (int index = 0; rowIterator.hasNext(); index++) {
                String[] row = rowIterator.next();
                SplittableRandom rowDice = faultDice.split();
                boolean faulty = rowDice.nextInt(100) < BAD_ROW_PERCENT;
                if (index == amendedRow) {
                    row = TwoCitiesFaults.amended(kind, row, rowDice);
                }
                boolean writeFault = withFaults && faulty;
                if (!writeFault || SubmissionRows.isSnapshot(kind)) {
                    out.write(row);
                }
                if (writeFault) {
                    List<TwoCitiesFaults.Fault> possible = TwoCitiesFaults.possibleFaults(kind, row);
                    TwoCitiesFaults.Fault fault = possible.get(rowDice.nextInt(possible.size()));
                    String[] brokenRow = TwoCitiesFaults.broken(kind, row, fault, rowDice);
                    if (fault == TwoCitiesFaults.Fault.MISSING_FIELD) {
                        out.writeCut(brokenRow);
                    } else {
                        out.write(brokenRow);
                    }
                    broken++;
                }
            }
            rowsWritten += out.records();
        }
        filesWritten++;
        badRowsWritten += broken;
        if (arrival.isAfter(day)) {
            lateFilesWritten++;
        }
        return broken;
    }
}
