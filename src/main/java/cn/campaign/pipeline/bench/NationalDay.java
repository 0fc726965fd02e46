package cn.campaign.pipeline.bench;

import cn.campaign.pipeline.contract.CreditCodes;
import static cn.campaign.pipeline.bench.NationalRegistry.digits;
import static cn.campaign.pipeline.bench.NationalRegistry.mix;

import cn.campaign.pipeline.demo.SampleSubmissions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One submission date of every active precinct of a {@link NationalRegistry}: four files per
 * precinct (visits, disputes, hazards, inspections), about 500 rows per precinct,
 * so 2,000,000 rows over 16,000 files for 4,000 precincts. About 1% of the rows are broken
 * (every reject code but R09 occurs) and 0.5% repeat an earlier line of their file; a
 * file is UTF-8 with an English header, or what Excel saves (UTF-8 with BOM or GB18030,
 * CRLF, Chinese header and values, {@code 2026/3/16} dates).
 * <p>
 * Every file is a pure function of the seed, the precinct and the date, and is streamed to
 * disk row by row; precincts are written in parallel. Case and hazard ledgers need no state
 * either: the snapshots due on a day are those of the cases opened up to 14 (hazards 30)
 * days before whose schedule, drawn from the case's own seed, has an event that day, so a
 * day's files do not depend on which days were written before, and consecutive days are
 * consistent: a case's snapshots on different days are those of the same case (same id,
 * reported date, type, unit), opened once and settled once. The campaign's first day also
 * reports every case and hazard opened before it and still unsettled (reported on the
 * campaign start, as the contract's date rule requires), so that no case first turns up
 * days later with a reported date weeks back, which would make every later night
 * recompute its metrics from the campaign start. {@link #ledger} counts what a run of days
 * holds, for the benchmark to check the warehouse's metrics against.
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
        long copyableRows() {
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

    private static final int BAD_ROWS_PER_10000 = 100;
    private static final int DUPLICATE_ROWS_PER_10000 = 50;
    private static final int DISPUTE_LOOKBACK_DAYS = 14;
    private static final int HAZARD_LOOKBACK_DAYS = 30;

    /** The four kinds: English header, Chinese header, Chinese spellings of their coded values by column. */
    private enum Kind {
        VISITS("visits",
                "visit_id,visit_date,officer_id,target_type,target_code,persons_reached,issues_found,note",
                "走访编号,走访日期,警号,对象类型,对象编码,走访人次,发现问题数,备注",
                Map.of(3, Map.of("household", "住户", "village", "嘎查村", "community", "社区", "enterprise", "企业",
                        "venue", "场所")), List.of(1)),
        DISPUTES("disputes",
                "case_id,reported_date,dispute_type,unit_code,status,status_date,mechanism,escalated,note",
                "纠纷编号,排查日期,纠纷类型,所在村社区,状态,状态日期,化解方式,民转刑,备注",
                Map.of(2, Map.of("neighbour", "邻里", "noise", "噪音", "land", "土地草场", "rental", "租赁", "labour", "劳资",
                                "family", "家庭", "property", "物业", "other", "其他"),
                        4, Map.of("open", "未化解", "mediating", "调解中", "resolved", "已化解", "referred", "已移交"),
                        7, Map.of("true", "是", "false", "否")), List.of(1, 5)),
        HAZARDS("hazards",
                "hazard_id,found_date,category,unit_code,status,status_date",
                "隐患编号,发现日期,隐患类别,所在村社区,状态,状态日期",
                Map.of(4, Map.of("open", "未整改", "rectified", "已整改")), List.of(1, 5)),
        INSPECTIONS("inspections",
                "inspection_id,inspection_date,venue_id,violations_found,violations_handled",
                "检查编号,检查日期,场所编号,发现违法行为,查处违法行为",
                Map.of(), List.of(1));

        final String fileKind;
        final String englishHeader;
        final String chineseHeader;
        final Map<Integer, Map<String, String>> chineseValues;
        final List<Integer> dateColumns;

        Kind(String fileKind, String englishHeader, String chineseHeader, Map<Integer, Map<String, String>> chineseValues,
             List<Integer> dateColumns) {
            this.fileKind = fileKind;
            this.englishHeader = englishHeader;
            this.chineseHeader = chineseHeader;
            this.chineseValues = chineseValues;
            this.dateColumns = dateColumns;
        }
    }

    /** The tool that saved a file. */
    private enum Flavour {
        PLAIN(StandardCharsets.UTF_8, false, "\n", false),
        EXCEL_UTF8_BOM(StandardCharsets.UTF_8, true, "\r\n", true),
        EXCEL_GB18030(Charset.forName("GB18030"), false, "\r\n", true);

        final Charset charset;
        final boolean byteOrderMark;
        final String lineEnd;
        final boolean chinese;

        Flavour(Charset charset, boolean byteOrderMark, String lineEnd, boolean chinese) {
            this.charset = charset;
            this.byteOrderMark = byteOrderMark;
            this.lineEnd = lineEnd;
            this.chinese = chinese;
        }
    }

    private static final List<String> DISPUTE_TYPES =
            List.of("neighbour", "noise", "land", "rental", "labour", "family", "property", "other");
    private static final List<String> MECHANISMS = List.of("police", "joint", "court_station", "volunteer", "other");
    private static final List<String> CATEGORIES = List.of("fire", "traffic", "production", "public_order", "other");
    private static final List<String> NOTES = List.of(
            "入户走访，宣传反诈知识", "了解家庭成员情况，无异常", "登记流动人口信息", "宣传冬季防火安全常识",
            "走访亮身份，发放警民联系卡", "开展安全生产检查", "核查住宿人员登记", "召开村民座谈会，收集意见建议");

    private final NationalRegistry registry;
    private final LocalDate campaignStart;
    private final long seed;

    public NationalDay(NationalRegistry registry, LocalDate campaignStart, long seed) {
        this.registry = registry;
        this.campaignStart = campaignStart;
        this.seed = seed;
    }

    /** Writes the four files of every active precinct for {@code day} into {@code inbox}. */
    public Counts write(Path inbox, LocalDate day) throws IOException {
        return write(inbox, day, null);
    }

    /**
     * Writes the files of {@code day} into {@code inbox} and, when {@code copyDir} is given,
     * the same records once more into {@code copyDir} as one UTF-8 CSV per kind
     * ({@code visits.csv}, …) with the contract's English header, for a plain
     * {@code COPY … (format csv, header)}: every record of the day as its file spells it
     * (Chinese values and {@code 2026/3/16} dates included, broken and repeated records
     * included), but those with a wrong number of fields (R08), which COPY cannot take.
     */
    public Counts write(Path inbox, LocalDate day, Path copyDir) throws IOException {
        Files.createDirectories(inbox);
        try (CopyCsv copy = copyDir == null ? null : new CopyCsv(copyDir)) {
            return IntStream.range(0, registry.precincts()).parallel()
                    .filter(registry::active)
                    .mapToObj(precinct -> {
                        Counts counts = Counts.NONE;
                        for (Kind kind : Kind.values()) {
                            counts = counts.plus(writeFile(inbox, precinct, day, kind, copy));
                        }
                        return counts;
                    })
                    .reduce(Counts.NONE, Counts::plus);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The file of each kind's {@code COPY} CSV in a folder written by {@link #write(Path, LocalDate, Path)}. */
    static Map<String, Path> copyFiles(Path copyDir) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            files.put(kind.fileKind, copyDir.resolve(kind.fileKind + ".csv"));
        }
        return files;
    }

    /** The English columns of each kind, in contract order, keyed like {@link #copyFiles}. */
    static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            columns.put(kind.fileKind, List.of(kind.englishHeader.split(",")));
        }
        return columns;
    }

    /**
     * What every day from the campaign start to {@code through}, all written, holds in its
     * case and hazard ledgers ({@link Ledger}). Computed from the same draws as the files.
     */
    public Ledger ledger(LocalDate through) {
        return IntStream.range(0, registry.precincts()).parallel()
                .filter(registry::active)
                .mapToObj(precinct -> ledger(precinct, through))
                .reduce(Ledger.NONE, Ledger::plus);
    }

    private Ledger ledger(int precinct, LocalDate through) {
        long disputesFound = 0;
        long disputesResolved = 0;
        long reportedThatDay = 0;
        for (LocalDate opened = campaignStart.minusDays(DISPUTE_LOOKBACK_DAYS); !opened.isAfter(through);
             opened = opened.plusDays(1)) {
            for (int item = 0; item < disputesOpened(precinct, opened); item++) {
                DisputeCase dispute = disputeCase(precinct, opened, item);
                LocalDate settled = opened.plusDays(dispute.settleAfter());
                // opened in the campaign, or before it and still unsettled on its first day (the inventory)
                if (!opened.isBefore(campaignStart) || !settled.isBefore(campaignStart)) {
                    disputesFound++;
                    disputesResolved += !dispute.referred() && !settled.isAfter(through) ? 1 : 0;
                    reportedThatDay += notBeforeStart(opened).equals(through) ? 1 : 0;
                }
            }
        }
        long hazardsFound = 0;
        long hazardsRectified = 0;
        for (LocalDate found = campaignStart.minusDays(HAZARD_LOOKBACK_DAYS); !found.isAfter(through);
             found = found.plusDays(1)) {
            for (int item = 0; item < hazardsFound(precinct, found); item++) {
                LocalDate rectified = found.plusDays(hazardCase(precinct, found, item).rectifiedAfter());
                if (!found.isBefore(campaignStart) || !rectified.isBefore(campaignStart)) {
                    hazardsFound++;
                    hazardsRectified += !rectified.isAfter(through) ? 1 : 0;
                }
            }
        }
        return new Ledger(disputesFound, disputesResolved, reportedThatDay, hazardsFound, hazardsRectified);
    }

    private Counts writeFile(Path inbox, int precinct, LocalDate day, Kind kind, CopyCsv copy) {
        SplittableRandom random = new SplittableRandom(mix(seed, precinct, day.toEpochDay(), kind.ordinal()));
        int flavourDraw = random.nextInt(100);
        Flavour flavour = flavourDraw < 75 ? Flavour.PLAIN : flavourDraw < 85 ? Flavour.EXCEL_UTF8_BOM : Flavour.EXCEL_GB18030;
        String name = registry.precinctCode(precinct) + "_" + compact(day) + "_" + kind.fileKind + ".csv";
        try (FileRows out = new FileRows(inbox.resolve(name), kind, flavour, random, copy)) {
            switch (kind) {
                case VISITS -> {
                    int count = 250 + random.nextInt(101);
                    for (int sequence = 1; sequence <= count; sequence++) {
                        out.row(visit(precinct, day, sequence, random), false);
                    }
                }
                case INSPECTIONS -> {
                    int count = 90 + random.nextInt(61);
                    for (int sequence = 1; sequence <= count; sequence++) {
                        out.row(inspection(precinct, day, sequence, random), false);
                    }
                }
                case DISPUTES -> {
                    for (int back = DISPUTE_LOOKBACK_DAYS; back >= 0; back--) {
                        LocalDate opened = day.minusDays(back);
                        int count = disputesOpened(precinct, opened);
                        for (int item = 0; item < count; item++) {
                            for (String[] snapshot : disputeSnapshots(precinct, opened, item, back, day)) {
                                out.row(snapshot, true);
                            }
                        }
                    }
                }
                case HAZARDS -> {
                    for (int back = HAZARD_LOOKBACK_DAYS; back >= 0; back--) {
                        LocalDate found = day.minusDays(back);
                        int count = hazardsFound(precinct, found);
                        for (int item = 0; item < count; item++) {
                            String[] snapshot = hazardSnapshot(precinct, found, item, back, day);
                            if (snapshot != null) {
                                out.row(snapshot, true);
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

    // ---- rows, in contract column order, English values, ISO dates

    private String[] visit(int precinct, LocalDate day, int sequence, SplittableRandom random) {
        int lag = SampleSubmissions.weighted(random, 80, 15, 5);
        LocalDate visitDate = notBeforeStart(day.minusDays(lag));
        String officer = String.valueOf(100000 + (precinct * 40 + random.nextInt(40)) % 900000);
        int units = registry.unitCount(precinct);
        int unit = random.nextInt(units);
        int draw = random.nextInt(100);
        String type;
        String target;
        int persons;
        if (draw < 20) {
            type = "enterprise";
            target = registry.creditCode(precinct, unit, random.nextInt(registry.enterpriseCount(precinct, unit)));
            persons = 2 + random.nextInt(19);
        } else if (draw < 30) {
            type = "venue";
            target = registry.venueId(precinct, unit, random.nextInt(registry.venueCount(precinct, unit)));
            persons = 1 + random.nextInt(8);
        } else {
            // now and then a unit of the neighbouring precinct of the same county
            int owner = draw < 33 && (precinct ^ 1) < registry.precincts() ? precinct ^ 1 : precinct;
            int ownerUnit = owner == precinct ? unit : random.nextInt(registry.unitCount(owner));
            target = registry.unitCode(owner, ownerUnit);
            boolean household = random.nextInt(100) < 70;
            type = household ? "household" : registry.community(owner, ownerUnit) ? "community" : "village";
            persons = household ? 1 + random.nextInt(6) : 5 + random.nextInt(26);
        }
        return new String[] {"ZF" + compact(day) + digits(sequence, 5), visitDate.toString(), officer, type,
                target, String.valueOf(persons), String.valueOf(SampleSubmissions.weighted(random, 75, 17, 6, 2)), note(random)};
    }

    /** Free text as officers type it: often empty, now and then a phone number (masked), a comma or a line break. */
    private static String note(SplittableRandom random) {
        int draw = random.nextInt(1000);
        if (draw < 400) {
            return "";
        }
        String note = NOTES.get(random.nextInt(NOTES.size()));
        if (draw < 430) {
            return note + "，联系电话1" + "35789".charAt(random.nextInt(5)) + digits(random.nextInt(1_000_000_000), 9);
        } else if (draw < 440) {
            return note + ",已登记台账";
        } else if (draw < 443) {
            return note + "\n次日回访";
        }
        return note;
    }

    private String[] inspection(int precinct, LocalDate day, int sequence, SplittableRandom random) {
        LocalDate inspectionDate = notBeforeStart(day.minusDays(SampleSubmissions.weighted(random, 85, 15)));
        int unit = random.nextInt(registry.unitCount(precinct));
        String venue = registry.venueId(precinct, unit, random.nextInt(registry.venueCount(precinct, unit)));
        int found = SampleSubmissions.weighted(random, 975, 20, 4, 1);
        int handled = found > 0 && random.nextInt(10) == 0 ? found - 1 : found;
        return new String[] {"JC" + compact(day) + digits(sequence, 4), inspectionDate.toString(), venue,
                String.valueOf(found), String.valueOf(handled)};
    }

    /** Cases a precinct opens on a day: 15 to 25. */
    private int disputesOpened(int precinct, LocalDate opened) {
        return 15 + Math.floorMod(mix(seed, precinct, opened.toEpochDay(), 10), 11);
    }

    /** Hazards a precinct finds on a day: 13 to 23. */
    private int hazardsFound(int precinct, LocalDate found) {
        return 13 + Math.floorMod(mix(seed, precinct, found.toEpochDay(), 11), 11);
    }

    /**
     * One case, drawn from its own seed (precinct, opening date, item): the same case on
     * every day that carries a snapshot of it. It opens (open or mediating), may move to
     * mediating ({@code mediatingAfter} days after opening, -1 if not), and is resolved
     * (98%) or referred on its settle day, 0 to 14 days after opening.
     */
    private record DisputeCase(int settleAfter, boolean opensMediating, int mediatingAfter, boolean referred,
                               boolean escalated, String type, String unit, String mechanism) {
    }

    private DisputeCase disputeCase(int precinct, LocalDate opened, int item) {
        SplittableRandom schedule = new SplittableRandom(mix(seed, precinct, opened.toEpochDay(), item, 12));
        int settleAfter = switch (SampleSubmissions.weighted(schedule, 50, 35, 15)) {
            case 0 -> 0;
            case 1 -> 1 + schedule.nextInt(3);
            default -> 6 + schedule.nextInt(9);
        };
        boolean opensMediating = schedule.nextInt(100) < 60;
        int mediatingAfter = !opensMediating && settleAfter >= 2 ? 1 + schedule.nextInt(settleAfter - 1) : -1;
        boolean referred = schedule.nextInt(100) < 2;
        boolean escalated = referred && schedule.nextBoolean();
        String type = DISPUTE_TYPES.get(schedule.nextInt(DISPUTE_TYPES.size()));
        String unit = registry.unitCode(precinct, schedule.nextInt(registry.unitCount(precinct)));
        String mechanism = MECHANISMS.get(schedule.nextInt(MECHANISMS.size()));
        return new DisputeCase(settleAfter, opensMediating, mediatingAfter, referred, escalated, type, unit, mechanism);
    }

    /**
     * The snapshots of one case due {@code back} days after it was opened. On the campaign's
     * first day, a case opened before it and not yet settled is reported as it stands (its
     * "inventory" snapshot), so that it is found on the first night and its later snapshots
     * only change its status, as they do for every case opened since.
     */
    private List<String[]> disputeSnapshots(int precinct, LocalDate opened, int item, int back, LocalDate day) {
        DisputeCase c = disputeCase(precinct, opened, item);
        String caseId = "JF" + compact(opened) + digits(item + 1, 3);
        // a case opened before the campaign was found at its start
        String reported = notBeforeStart(opened).toString();
        String today = day.toString();
        List<String[]> snapshots = new ArrayList<>(2);
        if (back == 0) {
            snapshots.add(new String[] {caseId, reported, c.type(), c.unit(), c.opensMediating() ? "mediating" : "open",
                    today, "", "false", ""});
        }
        if (back == c.mediatingAfter()) {
            snapshots.add(new String[] {caseId, reported, c.type(), c.unit(), "mediating", today, "", "false", "调解中"});
        }
        if (back == c.settleAfter()) {
            snapshots.add(c.referred()
                    ? new String[] {caseId, reported, c.type(), c.unit(), "referred", today, "", String.valueOf(c.escalated()),
                            "已移交"}
                    : new String[] {caseId, reported, c.type(), c.unit(), "resolved", today, c.mechanism(), "false", ""});
        }
        if (snapshots.isEmpty() && back > 0 && day.equals(campaignStart) && back < c.settleAfter()) {
            boolean mediating = c.opensMediating() || c.mediatingAfter() >= 0 && c.mediatingAfter() < back;
            snapshots.add(new String[] {caseId, reported, c.type(), c.unit(), mediating ? "mediating" : "open", today, "",
                    "false", ""});
        }
        return snapshots;
    }

    /** One hazard, drawn from its own seed (precinct, date found, item): open when found, rectified 1 to 30 days later. */
    private record HazardCase(int rectifiedAfter, String category, String unit) {
    }

    private HazardCase hazardCase(int precinct, LocalDate found, int item) {
        SplittableRandom hazard = new SplittableRandom(mix(seed, precinct, found.toEpochDay(), item, 13));
        int rectifiedAfter = switch (SampleSubmissions.weighted(hazard, 50, 40, 10)) {
            case 0 -> 1 + hazard.nextInt(3);
            case 1 -> 4 + hazard.nextInt(7);
            default -> 11 + hazard.nextInt(20);
        };
        String category = CATEGORIES.get(hazard.nextInt(CATEGORIES.size()));
        String unit = registry.unitCode(precinct, hazard.nextInt(registry.unitCount(precinct)));
        return new HazardCase(rectifiedAfter, category, unit);
    }

    /**
     * The snapshot of one hazard due {@code back} days after it was found, or null. On the
     * campaign's first day, a hazard found before it and not yet rectified is reported open,
     * like the cases ({@link #disputeSnapshots}).
     */
    private String[] hazardSnapshot(int precinct, LocalDate found, int item, int back, LocalDate day) {
        HazardCase h = hazardCase(precinct, found, item);
        boolean inventory = back > 0 && day.equals(campaignStart) && back < h.rectifiedAfter();
        if (back != 0 && back != h.rectifiedAfter() && !inventory) {
            return null;
        }
        return new String[] {"YH" + compact(found) + digits(item + 1, 3), notBeforeStart(found).toString(),
                h.category(), h.unit(), back == h.rectifiedAfter() ? "rectified" : "open", day.toString()};
    }

    private static String compact(LocalDate date) {
        return digits(date.getYear(), 4) + digits(date.getMonthValue(), 2) + digits(date.getDayOfMonth(), 2);
    }

    private LocalDate notBeforeStart(LocalDate date) {
        return date.isBefore(campaignStart) ? campaignStart : date;
    }

    // ---- one file

    /**
     * Writes one file row by row: the header, then each row as the file's flavour spells it,
     * broken or repeated now and then; and, when a {@link CopyCsv} is given, every record
     * with the right number of fields once more for it (handed over whole when the file closes).
     */
    private final class FileRows implements AutoCloseable {
        private final BufferedWriter writer;
        private final Kind kind;
        private final Flavour flavour;
        private final SplittableRandom random;
        private final CopyCsv copy;
        private final StringBuilder copyLines;
        private final int columns;
        private long rows;
        private long badRows;
        private long duplicateRows;
        private long wrongFieldCountRows;

        FileRows(Path file, Kind kind, Flavour flavour, SplittableRandom random, CopyCsv copy) throws IOException {
            this.writer = Files.newBufferedWriter(file, flavour.charset);
            this.kind = kind;
            this.flavour = flavour;
            this.random = random;
            this.copy = copy;
            this.copyLines = copy == null ? null : new StringBuilder(32 * 1024);
            this.columns = kind.englishHeader.split(",").length;
            if (flavour.byteOrderMark) {
                writer.write('\uFEFF');
            }
            writer.write(flavour.chinese ? kind.chineseHeader : kind.englishHeader);
            writer.write(flavour.lineEnd);
        }

        /** A ledger row stays when a broken copy is written beside it, so that no change of state is lost. */
        void row(String[] row, boolean ledger) throws IOException {
            if (random.nextInt(10_000) < BAD_ROWS_PER_10000) {
                write(broken(row));
                badRows++;
                if (!ledger) {
                    return;
                }
            }
            write(row);
            if (random.nextInt(10_000) < DUPLICATE_ROWS_PER_10000) {
                write(row);
                duplicateRows++;
            }
        }

        /** The row with one fault that the pipeline must reject. */
        private String[] broken(String[] row) {
            String[] broken = row.clone();
            switch (random.nextInt(6)) {
                case 0 -> broken[0] = ""; // R01
                case 1 -> broken[kind.dateColumns.get(0)] = row[1].substring(0, 4) + "-02-30"; // R02
                case 2 -> broken[kind.dateColumns.get(0)] = "2099-01-01"; // R03
                case 3 -> {
                    // R06: a code of the right shape that the registry does not hold
                    int column = kind == Kind.VISITS ? 4 : 2 + (kind == Kind.INSPECTIONS ? 0 : 1);
                    String code = row[column];
                    if (kind == Kind.VISITS && "enterprise".equals(row[3])) {
                        // R07 with R06: a wrong check character
                        int check = CreditCodes.isValid(code) ? code.charAt(17) : '0';
                        broken[column] = code.substring(0, 17) + (check == '1' ? '2' : '1');
                    } else {
                        broken[column] = code.substring(0, code.length() - 3) + "399";
                    }
                }
                case 4 -> {
                    broken = Arrays.copyOf(row, row.length - 1); // R08
                    wrongFieldCountRows++;
                }
                default -> broken[1] = "昨天"; // R02
            }
            return broken;
        }

        private void write(String[] row) throws IOException {
            boolean copied = copyLines != null && row.length == columns;
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    writer.write(',');
                }
                String field = quoted(spelled(i, row[i]));
                writer.write(field);
                if (copied) {
                    copyLines.append(i > 0 ? "," : "").append(field);
                }
            }
            writer.write(flavour.lineEnd);
            if (copied) {
                copyLines.append('\n');
            }
            rows++;
        }

        private String spelled(int column, String value) {
            if (!flavour.chinese || value.isEmpty()) {
                return value;
            }
            if (kind.dateColumns.contains(column) && value.length() == 10 && value.charAt(4) == '-') {
                return Integer.parseInt(value.substring(0, 4)) + "/" + Integer.parseInt(value.substring(5, 7)) + "/"
                        + Integer.parseInt(value.substring(8, 10));
            }
            Map<String, String> chinese = kind.chineseValues.get(column);
            return chinese == null ? value : chinese.getOrDefault(value, value);
        }

        private static String quoted(String field) {
            boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0;
            return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
        }

        Counts counts() {
            return new Counts(1, rows, badRows, duplicateRows, wrongFieldCountRows);
        }

        @Override
        public void close() throws IOException {
            writer.close();
            if (copy != null) {
                copy.append(kind, copyLines);
            }
        }
    }

    /** One UTF-8 CSV per kind with the English header, appended to a whole file's records at a time. */
    private static final class CopyCsv implements AutoCloseable {
        private final Map<Kind, BufferedWriter> writers = new EnumMap<>(Kind.class);

        CopyCsv(Path dir) throws IOException {
            Files.createDirectories(dir);
            try {
                for (Kind kind : Kind.values()) {
                    BufferedWriter writer = Files.newBufferedWriter(dir.resolve(kind.fileKind + ".csv"), StandardCharsets.UTF_8);
                    writers.put(kind, writer);
                    writer.write(kind.englishHeader);
                    writer.write('\n');
                }
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        void append(Kind kind, CharSequence lines) throws IOException {
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
}
