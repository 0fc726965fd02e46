package cn.campaign.pipeline.demo;

import cn.campaign.pipeline.contract.Column;
import cn.campaign.pipeline.contract.CreditCodes;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Writes synthetic daily submissions (contract section 2) for the active precincts of a
 * registry such as {@link SampleRegistry} writes, shaped like the seed report: about 15
 * visits per precinct a day, a ledger of disputes of which some 98% end resolved, a few
 * hundred hazards a month, two venue inspections per precinct a day with a violation in
 * one of thirty.
 * The files look like what precincts really send: three encodings, English or Chinese
 * headers and values, four date forms, shuffled and extra columns, about one row in a
 * hundred broken, a few precinct-days missing, late files and {@code _v2} corrections.
 * The same registry, range and seed always give the same bytes.
 */
public final class SampleSubmissions {

    /**
     * What was written. {@code rows} counts the data rows of every file, broken rows and
     * corrections included; {@code badRows} the rows broken on purpose, each of which the
     * pipeline must reject; {@code correctedFiles} the {@code _v2} files; {@code lateFiles}
     * the files, corrections included, that arrive after their submission date;
     * {@code missingPrecinctDays} the (active precinct, day) pairs without any file.
     */
    public record Counts(int files, long rows, int badRows, int correctedFiles, int lateFiles, int missingPrecinctDays) {
    }

    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

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

    // ---- how the files look

    /** Encoding, header language, value language and line ends: the tool that saved the file. */
    private enum Flavour {
        /** the county's template, filled in with a text editor or a script */
        PLAIN_UTF8(70, StandardCharsets.UTF_8, false, false, false, "\n", 75, 10, 15, 0),
        /** Excel on a Chinese desktop, "CSV (逗号分隔)" */
        EXCEL_GB18030(15, Charset.forName("GB18030"), false, true, true, "\r\n", 20, 50, 0, 30),
        /** Excel, "CSV UTF-8 (逗号分隔)" */
        EXCEL_UTF8_BOM(10, StandardCharsets.UTF_8, true, true, true, "\r\n", 20, 50, 0, 30),
        /** an export from a county web system: Chinese headers over coded values */
        WEB_EXPORT(5, StandardCharsets.UTF_8, false, true, false, "\n", 50, 0, 20, 30);

        final int weight;
        final Charset charset;
        final boolean byteOrderMark;
        final boolean chineseHeader;
        final boolean chineseValues;
        final String lineEnd;
        /** weights of the date forms, in {@link DateForm} order */
        final int[] dateFormWeights;

        Flavour(int weight, Charset charset, boolean byteOrderMark, boolean chineseHeader, boolean chineseValues,
                String lineEnd, int... dateFormWeights) {
            this.weight = weight;
            this.charset = charset;
            this.byteOrderMark = byteOrderMark;
            this.chineseHeader = chineseHeader;
            this.chineseValues = chineseValues;
            this.lineEnd = lineEnd;
            this.dateFormWeights = dateFormWeights;
        }

        static Flavour draw(SplittableRandom random) {
            int[] weights = new int[values().length];
            for (Flavour flavour : values()) {
                weights[flavour.ordinal()] = flavour.weight;
            }
            return values()[weighted(random, weights)];
        }
    }

    /** The four date spellings the contract accepts. */
    private enum DateForm {
        ISO("%04d-%02d-%02d"), SLASH("%d/%d/%d"), COMPACT("%04d%02d%02d"), CHINESE("%d年%d月%d日");

        private final String pattern;

        DateForm(String pattern) {
            this.pattern = pattern;
        }

        /** Respells an ISO date; works on impossible days such as 2026-02-30 too, which is how they get into files. */
        String spell(String isoDate) {
            if (isoDate.isEmpty()) {
                return isoDate;
            }
            return pattern.formatted(Integer.parseInt(isoDate.substring(0, 4)),
                    Integer.parseInt(isoDate.substring(5, 7)), Integer.parseInt(isoDate.substring(8, 10)));
        }
    }

    /** A column some precincts add that the contract does not know; the pipeline must ignore it. */
    private enum ExtraColumn {
        NONE, ROW_NUMBER, ENTERED_BY
    }

    /** How one file (and its correction, saved by the same hand) is laid out. */
    private record FilePlan(Flavour flavour, DateForm dateForm, int[] columnOrder, ExtraColumn extra,
                            String enteredBy, long faultSeed) {

        List<String> header(Kind kind) {
            String[] names = kind.columns.stream()
                    .map(column -> flavour.chineseHeader ? column.alias() : column.name())
                    .toArray(String[]::new);
            return arrange(names, flavour.chineseHeader ? "序号" : "no", flavour.chineseHeader ? "录入人" : "entered_by");
        }

        /** A row as it appears in the file: values in the file's language and date form, columns in its order. */
        List<String> record(Kind kind, String[] row, int rowNumber) {
            String[] values = new String[row.length];
            for (int i = 0; i < row.length; i++) {
                Column column = kind.columns.get(i);
                if (column.date()) {
                    values[i] = dateForm.spell(row[i]);
                } else if (flavour.chineseValues) {
                    values[i] = column.chineseValues().getOrDefault(row[i], row[i]);
                } else {
                    values[i] = row[i];
                }
            }
            return arrange(values, String.valueOf(rowNumber), enteredBy);
        }

        private List<String> arrange(String[] fields, String rowNumber, String enteredByValue) {
            List<String> arranged = new ArrayList<>(fields.length + 1);
            if (extra == ExtraColumn.ROW_NUMBER) {
                arranged.add(rowNumber);
            }
            for (int index : columnOrder) {
                arranged.add(fields[index]);
            }
            if (extra == ExtraColumn.ENTERED_BY) {
                arranged.add(enteredByValue);
            }
            return arranged;
        }
    }

    // ---- what the files hold

    /** A submission column as precincts type it; {@code chineseValues} maps an English value to its Chinese alias. */
    private record Column(String name, String alias, boolean required, boolean date, Map<String, String> chineseValues) {

        static Column required(String name, String alias) {
            return new Column(name, alias, true, false, Map.of());
        }

        static Column date(String name, String alias) {
            return new Column(name, alias, true, true, Map.of());
        }

        static Column optional(String name, String alias) {
            return new Column(name, alias, false, false, Map.of());
        }

        static Column choice(String name, String alias, String... englishThenChinese) {
            Map<String, String> chinese = new HashMap<>();
            for (int i = 0; i < englishThenChinese.length; i += 2) {
                chinese.put(englishThenChinese[i], englishThenChinese[i + 1]);
            }
            return new Column(name, alias, true, false, Map.copyOf(chinese));
        }
    }

    /** The four kinds, their columns in contract order, and the column that names a registry entry. */
    private enum Kind {
        VISITS("visits", false, "target_code", List.of(
                Column.required("visit_id", "走访编号"),
                Column.date("visit_date", "走访日期"),
                Column.required("officer_id", "警号"),
                Column.choice("target_type", "对象类型", "household", "住户", "village", "嘎查村",
                        "community", "社区", "enterprise", "企业", "venue", "场所"),
                Column.required("target_code", "对象编码"),
                Column.required("persons_reached", "走访人次"),
                Column.required("issues_found", "发现问题数"),
                Column.optional("note", "备注"))),
        DISPUTES("disputes", true, "unit_code", List.of(
                Column.required("case_id", "纠纷编号"),
                Column.date("reported_date", "排查日期"),
                Column.choice("dispute_type", "纠纷类型", "neighbour", "邻里", "noise", "噪音", "land", "土地草场",
                        "rental", "租赁", "labour", "劳资", "family", "家庭", "property", "物业", "other", "其他"),
                Column.required("unit_code", "所在村社区"),
                Column.choice("status", "状态", "open", "未化解", "mediating", "调解中", "resolved", "已化解",
                        "referred", "已移交"),
                Column.date("status_date", "状态日期"),
                Column.optional("mechanism", "化解方式"),
                Column.choice("escalated", "民转刑", "true", "是", "false", "否"),
                Column.optional("note", "备注"))),
        HAZARDS("hazards", true, "unit_code", List.of(
                Column.required("hazard_id", "隐患编号"),
                Column.date("found_date", "发现日期"),
                Column.required("category", "隐患类别"),
                Column.required("unit_code", "所在村社区"),
                Column.choice("status", "状态", "open", "未整改", "rectified", "已整改"),
                Column.date("status_date", "状态日期"))),
        INSPECTIONS("inspections", false, "venue_id", List.of(
                Column.required("inspection_id", "检查编号"),
                Column.date("inspection_date", "检查日期"),
                Column.required("venue_id", "场所编号"),
                Column.required("violations_found", "发现违法行为"),
                Column.required("violations_handled", "查处违法行为")));

        final String fileKind;
        /**
         * Rows are snapshots of a case or hazard. A broken row is then written beside the
         * good one rather than instead of it, so that no change of state is lost to a reject.
         */
        final boolean ledger;
        final String codeColumn;
        final List<Column> columns;

        Kind(String fileKind, boolean ledger, String codeColumn, List<Column> columns) {
            this.fileKind = fileKind;
            this.ledger = ledger;
            this.codeColumn = codeColumn;
            this.columns = columns;
        }

        int index(String columnName) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(columnName)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(fileKind + " has no column " + columnName);
        }
    }

    /** The rows of one file in contract column order, English values, ISO dates; replayable for its correction. */
    private record Rows(int count, Supplier<Stream<String[]>> replay) {
    }

    /** The ways rows really go wrong; each one the pipeline must reject. */
    private enum Fault {
        EMPTY_REQUIRED, IMPOSSIBLE_DATE, UNKNOWN_CODE, BAD_CHECK_CHARACTER, OUT_OF_RANGE, MISSING_MECHANISM, MISSING_FIELD
    }

    // ---- the registry, as far as submissions need it

    private record Registry(List<String> activePrecincts, Map<String, String> countyOfPrecinct,
                            Map<String, List<String>> unitsOfPrecinct, Set<String> communities,
                            Map<String, List<String>> enterprisesOfUnit, Set<String> keyEnterprises,
                            Map<String, List<String>> venuesOfUnit) {
    }

    /** One active precinct: what it can visit, who visits, and the case and hazard changes it has yet to report. */
    private static final class Precinct {
        final String code;
        final String countyCode;
        final SplittableRandom random;
        /** its own units, in the order the campaign gets round to them */
        final List<String> units;
        /** units of the other precincts of the county, visited now and then */
        final List<String> neighbourUnits;
        /** its key enterprises, in the order the campaign gets round to them */
        final List<String> keyEnterprises;
        final List<String> enterprises;
        final List<String> venues;
        final List<String> officers;
        /** days the precinct takes to reach all its units, and all its key enterprises */
        final int unitRampDays;
        final int enterpriseRampDays;
        final Flavour habit;
        final TreeMap<LocalDate, List<String[]>> pendingDisputes = new TreeMap<>();
        final TreeMap<LocalDate, List<String[]>> pendingHazards = new TreeMap<>();

        Precinct(String code, Registry registry, SplittableRandom random, Set<String> takenOfficerIds) {
            this.code = code;
            this.countyCode = registry.countyOfPrecinct().get(code);
            this.random = random;
            List<String> ownUnits = registry.unitsOfPrecinct().get(code);
            this.units = shuffled(ownUnits, random);
            this.neighbourUnits = new ArrayList<>();
            registry.unitsOfPrecinct().forEach((other, otherUnits) -> {
                if (!other.equals(code) && countyCode.equals(registry.countyOfPrecinct().get(other))) {
                    neighbourUnits.addAll(otherUnits);
                }
            });
            this.enterprises = new ArrayList<>();
            this.venues = new ArrayList<>();
            for (String unit : ownUnits) {
                enterprises.addAll(registry.enterprisesOfUnit().getOrDefault(unit, List.of()));
                venues.addAll(registry.venuesOfUnit().getOrDefault(unit, List.of()));
            }
            this.keyEnterprises = shuffled(enterprises.stream().filter(registry.keyEnterprises()::contains).toList(), random);
            this.officers = new ArrayList<>();
            int officerCount = between(random, 30, 55);
            while (officers.size() < officerCount) {
                String officerId = String.valueOf(random.nextInt(100_000, 1_000_000));
                if (takenOfficerIds.add(officerId)) {
                    officers.add(officerId);
                }
            }
            this.unitRampDays = between(random, 8, 40);
            this.enterpriseRampDays = between(random, 20, 60);
            this.habit = Flavour.draw(random);
        }
    }

    private final Registry registry;
    private final LocalDate from;
    private final LocalDate to;
    private final Function<LocalDate, Path> folderForArrival;
    private final List<Precinct> precincts = new ArrayList<>();
    private final Set<Path> createdFolders = new HashSet<>();

    private int filesWritten;
    private long rowsWritten;
    private int badRowsWritten;
    private int correctionsWritten;
    private int lateFilesWritten;
    private int missingPrecinctDays;

    private SampleSubmissions(Registry registry, LocalDate from, LocalDate to, long seed,
                              Function<LocalDate, Path> folderForArrival) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        this.registry = registry;
        this.from = from;
        this.to = to;
        this.folderForArrival = folderForArrival;
        SplittableRandom master = new SplittableRandom(seed);
        Set<String> takenOfficerIds = new HashSet<>();
        for (String code : registry.activePrecincts()) {
            if (!registry.unitsOfPrecinct().containsKey(code)) {
                continue; // a precinct without villages or communities has nothing to visit or record
            }
            precincts.add(new Precinct(code, registry, master.split(), takenOfficerIds));
        }
    }

    /** Writes every file of the days {@code from..to} into the one folder {@code inbox}. */
    public static Counts write(Path registryDir, Path inbox, LocalDate from, LocalDate to, long seed) throws IOException {
        return new SampleSubmissions(readRegistry(registryDir), from, to, seed, arrival -> inbox).run();
    }

    /**
     * Writes the same files as {@link #write} into {@code arrivalsRoot/<YYYYMMDD>/}, the day
     * each file arrives: its submission date, or one to three days later for late files and
     * for corrections (so folders may run up to six days past {@code to}). Feeding the
     * folders to the pipeline night by night replays the campaign as it happened.
     */
    public static Counts writeByArrival(Path registryDir, Path arrivalsRoot, LocalDate from, LocalDate to, long seed)
            throws IOException {
        return new SampleSubmissions(readRegistry(registryDir), from, to, seed,
                arrival -> arrivalsRoot.resolve(arrival.format(COMPACT_DATE))).run();
    }

    private Counts run() throws IOException {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (Precinct precinct : precincts) {
                submitDay(precinct, day);
            }
        }
        return new Counts(filesWritten, rowsWritten, badRowsWritten, correctionsWritten, lateFilesWritten, missingPrecinctDays);
    }

    private void submitDay(Precinct precinct, LocalDate day) throws IOException {
        if (precinct.random.nextInt(100) < MISSING_DAY_PERCENT) {
            // Nothing happens on the books that day; changes already scheduled go out with the next file.
            missingPrecinctDays++;
            return;
        }
        openCases(precinct, day);
        findHazards(precinct, day);
        submit(precinct, day, Kind.VISITS, visits(precinct, day));
        submit(precinct, day, Kind.DISPUTES, due(precinct.pendingDisputes, day));
        submit(precinct, day, Kind.HAZARDS, due(precinct.pendingHazards, day));
        submit(precinct, day, Kind.INSPECTIONS, inspections(precinct, day));
    }

    // ---- visits and inspections: a fresh batch every day, drawn from a seed so a correction can redraw it

    private static final List<String> HOUSEHOLD_NOTES = List.of(
            "入户走访，宣传反诈知识", "指导安装国家反诈中心APP", "了解家庭成员情况，无异常", "留守老人家庭，上门送温暖",
            "群众反映楼道杂物堆积", "反映楼上装修噪音扰民", "登记流动人口信息", "宣传冬季防火安全常识",
            "走访亮身份，发放警民联系卡", "群众反映邻里排水纠纷");
    private static final List<String> UNIT_NOTES = List.of(
            "召开村民座谈会，收集意见建议", "走访嘎查村两委，了解矛盾纠纷排查情况", "联合网格员开展入户宣传",
            "社区议事会，听取居民诉求", "走访牧户，了解草场使用情况", "与村干部核对重点人员底数");
    private static final List<String> ENTERPRISE_NOTES = List.of(
            "开展安全生产检查，指导完善应急预案", "企业反映劳资问题，已登记台账", "开展法治宣传讲座",
            "上门办理居住证", "检查企业内部安全防范措施", "了解企业用工情况，无异常");
    private static final List<String> VENUE_NOTES = List.of(
            "检查出租屋登记情况", "核查住宿人员登记", "宣传禁毒知识", "督促落实实名登记制度");

    private Rows visits(Precinct precinct, LocalDate day) {
        int count = between(precinct.random, 5, 25);
        long seed = precinct.random.nextLong();
        return new Rows(count, () -> {
            SplittableRandom random = new SplittableRandom(seed);
            return IntStream.rangeClosed(1, count).mapToObj(sequence -> visit(precinct, day, sequence, random));
        });
    }

    private String[] visit(Precinct precinct, LocalDate day, int sequence, SplittableRandom random) {
        String id = "ZF" + day.format(COMPACT_DATE) + "%03d".formatted(sequence);
        LocalDate visitDate = notBeforeStart(day.minusDays(weighted(random, 80, 15, 5)));
        String officer = pick(random, precinct.officers);
        int draw = random.nextInt(100);
        String type;
        String target;
        int persons;
        List<String> notes;
        if (draw < 20 && !precinct.enterprises.isEmpty()) {
            type = "enterprise";
            target = random.nextInt(10) < 9 && !precinct.keyEnterprises.isEmpty()
                    ? campaignPick(precinct.keyEnterprises, precinct.enterpriseRampDays, day, random)
                    : pick(random, precinct.enterprises);
            persons = between(random, 2, 20);
            notes = ENTERPRISE_NOTES;
        } else if (draw < 28 && !precinct.venues.isEmpty()) {
            type = "venue";
            target = pick(random, precinct.venues);
            persons = between(random, 1, 8);
            notes = VENUE_NOTES;
        } else {
            target = draw >= 97 && !precinct.neighbourUnits.isEmpty()
                    ? pick(random, precinct.neighbourUnits)
                    : campaignPick(precinct.units, precinct.unitRampDays, day, random);
            boolean household = random.nextInt(100) < 70;
            type = household ? "household" : registry.communities().contains(target) ? "community" : "village";
            persons = household ? between(random, 1, 6) : between(random, 5, 30);
            notes = household ? HOUSEHOLD_NOTES : UNIT_NOTES;
        }
        int issues = weighted(random, 75, 17, 6, 2);
        String note = visitNote(precinct, notes, random);
        return new String[] {id, visitDate.toString(), officer, type, target, String.valueOf(persons),
                String.valueOf(issues), note};
    }

    /**
     * Free text as officers type it: often empty, sometimes with the resident's phone or ID
     * number (which the pipeline must mask), an ASCII comma or quote, or a line break.
     */
    private static String visitNote(Precinct precinct, List<String> notes, SplittableRandom random) {
        if (random.nextInt(100) < 30) {
            return "";
        }
        String note = pick(random, notes);
        int extra = random.nextInt(1000);
        if (extra < 25) {
            return note + "，联系电话" + mobileNumber(random);
        } else if (extra < 40) {
            return note + "，当事人身份证号" + residentId(precinct.countyCode, random);
        } else if (extra < 50) {
            return note + ",已登记台账";
        } else if (extra < 53) {
            return "群众称\"" + note + "\"";
        } else if (extra < 56) {
            return note + "\n次日回访";
        }
        return note;
    }

    private Rows inspections(Precinct precinct, LocalDate day) {
        int count = precinct.venues.isEmpty() ? 0 : weighted(precinct.random, 20, 25, 22, 15, 10, 5, 3);
        long seed = precinct.random.nextLong();
        return new Rows(count, () -> {
            SplittableRandom random = new SplittableRandom(seed);
            return IntStream.rangeClosed(1, count).mapToObj(sequence -> inspection(precinct, day, sequence, random));
        });
    }

    private String[] inspection(Precinct precinct, LocalDate day, int sequence, SplittableRandom random) {
        String id = "JC" + day.format(COMPACT_DATE) + "%02d".formatted(sequence);
        LocalDate inspectionDate = notBeforeStart(day.minusDays(weighted(random, 85, 15)));
        int found = weighted(random, 975, 20, 4, 1);
        int handled = found > 0 && random.nextInt(10) == 0 ? found - 1 : found;
        return new String[] {id, inspectionDate.toString(), pick(random, precinct.venues),
                String.valueOf(found), String.valueOf(handled)};
    }

    /**
     * A target of the campaign's sweep: a precinct works through its list over
     * {@code rampDays}, mostly at the front of what it has reached, revisiting now and then.
     */
    private String campaignPick(List<String> order, int rampDays, LocalDate day, SplittableRandom random) {
        long campaignDay = ChronoUnit.DAYS.between(from, day) + 1;
        int reached = (int) Math.max(1, Math.min(order.size(), Math.ceil(order.size() * (double) campaignDay / rampDays)));
        if (reached < order.size() && random.nextInt(10) < 7) {
            return order.get(reached - 1 - random.nextInt(Math.min(reached, 4)));
        }
        return order.get(random.nextInt(reached));
    }

    private LocalDate notBeforeStart(LocalDate date) {
        return date.isBefore(from) ? from : date;
    }

    // ---- disputes and hazards: ledgers whose every change is scheduled when the case opens

    private static final List<String> DISPUTE_TYPES = List.of(
            "neighbour", "noise", "land", "rental", "labour", "family", "property", "other");
    private static final int[] DISPUTE_TYPE_WEIGHTS_COMMUNITY = {22, 22, 2, 16, 14, 12, 10, 2};
    private static final int[] DISPUTE_TYPE_WEIGHTS_VILLAGE = {18, 6, 26, 6, 12, 14, 2, 6};
    private static final List<String> MECHANISMS = List.of("police", "joint", "court_station", "volunteer", "other");
    private static final int[] MECHANISM_WEIGHTS = {40, 30, 10, 10, 10};
    private static final Map<String, String> RESOLUTION_NOTES = Map.of(
            "police", "民警现场调解，双方握手言和",
            "joint", "联合司法所、村委会调解，达成协议",
            "court_station", "启动庭所对接机制，法官参与调解",
            "volunteer", "志愿者协会参与调解，双方和解",
            "other", "经人民调解委员会调解化解");
    private static final List<String> OPEN_NOTES = List.of("已登记，稳控双方情绪", "", "已通知村委会", "");
    private static final List<String> MEDIATING_NOTES = List.of("调解中，约定下周回访", "已联系司法所共同调解", "");
    private static final List<String> HAZARD_CATEGORIES = List.of("fire", "traffic", "production", "public_order", "other");
    private static final int[] HAZARD_CATEGORY_WEIGHTS = {35, 20, 20, 15, 10};

    /** About half a new case per precinct a day: 1,600 cases over 60 days for 53 precincts. */
    private void openCases(Precinct precinct, LocalDate day) {
        SplittableRandom random = precinct.random;
        int count = occurrences(random, 3, 17);
        for (int sequence = 1; sequence <= count; sequence++) {
            String caseId = "JF" + day.format(COMPACT_DATE) + "%02d".formatted(sequence);
            String unit = pick(random, precinct.units);
            int[] typeWeights = registry.communities().contains(unit)
                    ? DISPUTE_TYPE_WEIGHTS_COMMUNITY : DISPUTE_TYPE_WEIGHTS_VILLAGE;
            String type = DISPUTE_TYPES.get(weighted(random, typeWeights));
            boolean referred = random.nextInt(100) < 2;
            boolean escalated = referred && random.nextBoolean();
            // most disputes are settled on the spot, as the seed's 98% resolution rate suggests
            int daysToSettle = switch (weighted(random, 75, 21, 4)) {
                case 0 -> 0;
                case 1 -> between(random, 1, 3);
                default -> between(random, 6, 14);
            };
            boolean opensAsMediating = random.nextInt(100) < 60;

            String firstStatus = opensAsMediating ? "mediating" : "open";
            schedule(precinct.pendingDisputes, day, new String[] {caseId, day.toString(), type, unit, firstStatus,
                    day.toString(), "", "false", pick(random, opensAsMediating ? MEDIATING_NOTES : OPEN_NOTES)});
            if (!opensAsMediating && daysToSettle >= 2) {
                LocalDate mediating = day.plusDays(between(random, 1, daysToSettle - 1));
                schedule(precinct.pendingDisputes, mediating, new String[] {caseId, day.toString(), type, unit,
                        "mediating", mediating.toString(), "", "false", pick(random, MEDIATING_NOTES)});
            }
            LocalDate settled = day.plusDays(daysToSettle);
            if (referred) {
                String note = escalated ? "双方发生冲突，已移交刑侦部门" : "已移交司法所处理";
                schedule(precinct.pendingDisputes, settled, new String[] {caseId, day.toString(), type, unit,
                        "referred", settled.toString(), "", String.valueOf(escalated), note});
            } else {
                String mechanism = MECHANISMS.get(weighted(random, MECHANISM_WEIGHTS));
                String note = random.nextInt(100) < 60 ? RESOLUTION_NOTES.get(mechanism) : "";
                schedule(precinct.pendingDisputes, settled, new String[] {caseId, day.toString(), type, unit,
                        "resolved", settled.toString(), mechanism, "false", note});
            }
        }
    }

    /** About one hazard per precinct a week, nearly all rectified within a fortnight. */
    private void findHazards(Precinct precinct, LocalDate day) {
        SplittableRandom random = precinct.random;
        int count = occurrences(random, 2, 8);
        for (int sequence = 1; sequence <= count; sequence++) {
            String hazardId = "YH" + day.format(COMPACT_DATE) + "%02d".formatted(sequence);
            String category = HAZARD_CATEGORIES.get(weighted(random, HAZARD_CATEGORY_WEIGHTS));
            String unit = pick(random, precinct.units);
            int daysToRectify = switch (weighted(random, 50, 40, 10)) {
                case 0 -> between(random, 1, 3);
                case 1 -> between(random, 4, 10);
                default -> between(random, 11, 30);
            };
            LocalDate rectified = day.plusDays(daysToRectify);
            schedule(precinct.pendingHazards, day,
                    new String[] {hazardId, day.toString(), category, unit, "open", day.toString()});
            schedule(precinct.pendingHazards, rectified,
                    new String[] {hazardId, day.toString(), category, unit, "rectified", rectified.toString()});
        }
    }

    private static void schedule(TreeMap<LocalDate, List<String[]>> pending, LocalDate day, String[] snapshot) {
        pending.computeIfAbsent(day, d -> new ArrayList<>()).add(snapshot);
    }

    /** Takes every snapshot due by {@code day}: that day's changes and those of days the precinct did not report. */
    private static Rows due(TreeMap<LocalDate, List<String[]>> pending, LocalDate day) {
        SortedMap<LocalDate, List<String[]>> due = pending.headMap(day, true);
        List<String[]> snapshots = new ArrayList<>();
        due.values().forEach(snapshots::addAll);
        due.clear();
        return new Rows(snapshots.size(), snapshots::stream);
    }

    // ---- files

    private void submit(Precinct precinct, LocalDate day, Kind kind, Rows rows) throws IOException {
        SplittableRandom random = precinct.random;
        if (rows.count() == 0 && random.nextBoolean()) {
            return; // nothing to report, and no zero report either
        }
        FilePlan plan = plan(precinct, kind);
        LocalDate arrival = random.nextInt(100) < LATE_FILE_PERCENT ? day.plusDays(between(random, 1, 3)) : day;
        int originalBadRows = writeFile(precinct, day, kind, 1, arrival, plan, rows, true, -1);

        int correctionPerMille = originalBadRows > 0
                ? CORRECTION_PER_MILLE_WITH_REJECTS : CORRECTION_PER_MILLE_WITHOUT_REJECTS;
        if (rows.count() > 0 && random.nextInt(1000) < correctionPerMille) {
            // A v2 replaces the whole file: the broken rows repaired, or else one row changed.
            int amendedRow = originalBadRows > 0 ? -1 : random.nextInt(rows.count());
            writeFile(precinct, day, kind, 2, arrival.plusDays(between(random, 1, 3)), plan, rows, false, amendedRow);
            correctionsWritten++;
        }
    }

    private static final List<String> CLERKS = List.of(
            "王丽", "李强", "张敏", "刘军", "陈静", "杨磊", "赵芳", "巴特尔", "其其格", "苏日娜", "额尔敦", "乌云");

    private static FilePlan plan(Precinct precinct, Kind kind) {
        SplittableRandom random = precinct.random;
        Flavour flavour = random.nextInt(100) < HABITUAL_FLAVOUR_PERCENT ? precinct.habit : Flavour.draw(random);
        DateForm dateForm = DateForm.values()[weighted(random, flavour.dateFormWeights)];
        int[] columnOrder = IntStream.range(0, kind.columns.size()).toArray();
        if (random.nextInt(100) < SHUFFLED_COLUMNS_PERCENT) {
            for (int i = columnOrder.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swapped = columnOrder[i];
                columnOrder[i] = columnOrder[j];
                columnOrder[j] = swapped;
            }
        }
        ExtraColumn extra = random.nextInt(100) < EXTRA_COLUMN_PERCENT
                ? (random.nextBoolean() ? ExtraColumn.ROW_NUMBER : ExtraColumn.ENTERED_BY) : ExtraColumn.NONE;
        return new FilePlan(flavour, dateForm, columnOrder, extra, pick(random, CLERKS), random.nextLong());
    }

    /**
     * Streams one file and returns how many rows it broke on purpose. Every row draws its fault dice from the plan's seed whether or not
     * faults are written, so a correction sees the same rows and knows which were broken.
     *
     * @param withFaults  write the broken rows (the original) or leave them out or repaired (a correction)
     * @param amendedRow  index of the row a correction changes, or -1
     */
    private int writeFile(Precinct precinct, LocalDate day, Kind kind, int version, LocalDate arrival,
                              FilePlan plan, Rows rows, boolean withFaults, int amendedRow) throws IOException {
        Path folder = folderForArrival.apply(arrival);
        if (createdFolders.add(folder)) {
            Files.createDirectories(folder);
        }
        String name = precinct.code + "_" + day.format(COMPACT_DATE) + "_" + kind.fileKind
                + (version > 1 ? "_v" + version : "") + ".csv";
        SplittableRandom faultDice = new SplittableRandom(plan.faultSeed());
        int written = 0;
        int broken = 0;
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(name), plan.flavour().charset)) {
            if (plan.flavour().byteOrderMark) {
                out.write('\uFEFF');
            }
            writeLine(out, plan.header(kind), plan.flavour().lineEnd);
            Iterator<String[]> rowIterator = rows.replay().get().iterator();
            for (int index = 0; rowIterator.hasNext(); index++) {
                String[] row = rowIterator.next();
                SplittableRandom rowDice = faultDice.split();
                boolean faulty = rowDice.nextInt(100) < BAD_ROW_PERCENT;
                if (index == amendedRow) {
                    row = amended(kind, row, rowDice);
                }
                boolean writeFault = withFaults && faulty;
                if (!writeFault || kind.ledger) {
                    writeLine(out, plan.record(kind, row, ++written), plan.flavour().lineEnd);
                }
                if (writeFault) {
                    List<Fault> possible = possibleFaults(kind, row);
                    Fault fault = possible.get(rowDice.nextInt(possible.size()));
                    List<String> record = plan.record(kind, broken(kind, row, fault, rowDice), ++written);
                    writeLine(out, fault == Fault.MISSING_FIELD ? record.subList(0, record.size() - 1) : record,
                            plan.flavour().lineEnd);
                    broken++;
                }
            }
        }
        filesWritten++;
        rowsWritten += written;
        badRowsWritten += broken;
        if (arrival.isAfter(day)) {
            lateFilesWritten++;
        }
        return broken;
    }

    private static List<Fault> possibleFaults(Kind kind, String[] row) {
        List<Fault> faults = new ArrayList<>(
                List.of(Fault.EMPTY_REQUIRED, Fault.IMPOSSIBLE_DATE, Fault.UNKNOWN_CODE, Fault.MISSING_FIELD));
        switch (kind) {
            case VISITS -> {
                faults.add(Fault.OUT_OF_RANGE);
                if ("enterprise".equals(row[kind.index("target_type")])) {
                    faults.add(Fault.BAD_CHECK_CHARACTER);
                }
            }
            case DISPUTES -> {
                if ("resolved".equals(row[kind.index("status")])) {
                    faults.add(Fault.MISSING_MECHANISM);
                }
            }
            case INSPECTIONS -> faults.add(Fault.OUT_OF_RANGE);
            case HAZARDS -> {
                // hazards carry no counts and no mechanism
            }
        }
        return faults;
    }

    /** The row with the fault in it; a missing field is cut when the record is written. */
    private static String[] broken(Kind kind, String[] row, Fault fault, SplittableRandom random) {
        String[] broken = row.clone();
        switch (fault) {
            case EMPTY_REQUIRED -> {
                List<Integer> required = IntStream.range(0, row.length)
                        .filter(i -> kind.columns.get(i).required()).boxed().toList();
                broken[pick(random, required)] = "";
            }
            case IMPOSSIBLE_DATE -> {
                List<Integer> dates = IntStream.range(0, row.length)
                        .filter(i -> kind.columns.get(i).date()).boxed().toList();
                int column = pick(random, dates);
                broken[column] = row[column].substring(0, 4) + "-02-30";
            }
            case UNKNOWN_CODE -> broken[kind.index(kind.codeColumn)] = unknownCode(row[kind.index(kind.codeColumn)], random);
            case BAD_CHECK_CHARACTER -> {
                int column = kind.index(kind.codeColumn);
                String code = row[column];
                int check = CreditCodes.ALPHABET.indexOf(code.charAt(17));
                broken[column] = code.substring(0, 17)
                        + CreditCodes.ALPHABET.charAt((check + between(random, 1, 30)) % CreditCodes.ALPHABET.length());
            }
            case OUT_OF_RANGE -> {
                if (kind == Kind.VISITS) {
                    broken[kind.index("persons_reached")] = "600";
                } else {
                    int found = Integer.parseInt(row[kind.index("violations_found")]);
                    broken[kind.index("violations_handled")] = String.valueOf(found + 1);
                }
            }
            case MISSING_MECHANISM -> broken[kind.index("mechanism")] = "";
            case MISSING_FIELD -> {
                // the record is cut short when written
            }
        }
        return broken;
    }

    /** A code of the right shape that the registry does not hold, as a typo or a stale list produces. */
    private static String unknownCode(String code, SplittableRandom random) {
        if (code.startsWith("V")) {
            return code.substring(0, code.length() - 2) + "99"; // units hold at most ten venues
        }
        if (code.length() == 18) {
            StringBuilder body = new StringBuilder(code.substring(0, 8));
            while (body.length() < 17) {
                body.append(CreditCodes.ALPHABET.charAt(random.nextInt(CreditCodes.ALPHABET.length())));
            }
            return CreditCodes.withCheckCharacter(body.toString());
        }
        return code.substring(0, 9) + "399"; // beyond the villages' 200-range of any township
    }

    /** The one row a correction without rejects changes. */
    private static String[] amended(Kind kind, String[] row, SplittableRandom random) {
        String[] amended = row.clone();
        switch (kind) {
            case VISITS -> {
                int column = kind.index("persons_reached");
                amended[column] = String.valueOf(Integer.parseInt(row[column]) + between(random, 1, 3));
            }
            case DISPUTES -> {
                int column = kind.index("note");
                amended[column] = row[column].isEmpty() ? "补充：已回访当事人" : row[column] + "（已回访）";
            }
            case HAZARDS -> {
                int column = kind.index("category");
                List<String> others = HAZARD_CATEGORIES.stream().filter(c -> !c.equals(row[column])).toList();
                amended[column] = pick(random, others);
            }
            case INSPECTIONS -> {
                for (String column : List.of("violations_found", "violations_handled")) {
                    amended[kind.index(column)] = String.valueOf(Integer.parseInt(row[kind.index(column)]) + 1);
                }
            }
        }
        return amended;
    }

    private static void writeLine(BufferedWriter out, List<String> fields, String lineEnd) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write(lineEnd);
    }

    private static String quoted(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    // ---- personal data in notes

    private static String mobileNumber(SplittableRandom random) {
        return "1" + "35789".charAt(random.nextInt(5)) + "%09d".formatted(random.nextInt(1_000_000_000));
    }

    /** An 18-character resident ID number with its GB 11643 check character, born 1950-2005 in the county. */
    private static String residentId(String countyCode, SplittableRandom random) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(56 * 365));
        String body = countyCode + birth.format(COMPACT_DATE) + "%03d".formatted(random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    // ---- reading the registry

    private static Registry readRegistry(Path dir) throws IOException {
        Set<String> communities = new HashSet<>();
        for (Map<String, String> region : readCsv(dir.resolve("regions.csv"))) {
            if ("community".equals(region.get("level"))) {
                communities.add(region.get("code"));
            }
        }
        List<String> active = new ArrayList<>();
        Map<String, String> countyOfPrecinct = new HashMap<>();
        for (Map<String, String> precinct : readCsv(dir.resolve("precincts.csv"))) {
            countyOfPrecinct.put(precinct.get("precinct_code"), precinct.get("county_code"));
            if ("true".equals(precinct.get("active"))) {
                active.add(precinct.get("precinct_code"));
            }
        }
        Map<String, List<String>> unitsOfPrecinct = new LinkedHashMap<>();
        for (Map<String, String> row : readCsv(dir.resolve("jurisdiction.csv"))) {
            unitsOfPrecinct.computeIfAbsent(row.get("precinct_code"), p -> new ArrayList<>()).add(row.get("unit_code"));
        }
        Map<String, List<String>> enterprisesOfUnit = new HashMap<>();
        Set<String> keyEnterprises = new HashSet<>();
        for (Map<String, String> enterprise : readCsv(dir.resolve("enterprises.csv"))) {
            String creditCode = enterprise.get("credit_code");
            enterprisesOfUnit.computeIfAbsent(enterprise.get("unit_code"), u -> new ArrayList<>()).add(creditCode);
            if ("true".equals(enterprise.get("key"))) {
                keyEnterprises.add(creditCode);
            }
        }
        Map<String, List<String>> venuesOfUnit = new HashMap<>();
        for (Map<String, String> venue : readCsv(dir.resolve("venues.csv"))) {
            venuesOfUnit.computeIfAbsent(venue.get("unit_code"), u -> new ArrayList<>()).add(venue.get("venue_id"));
        }
        return new Registry(active, countyOfPrecinct, unitsOfPrecinct, communities, enterprisesOfUnit,
                keyEnterprises, venuesOfUnit);
    }

    /** Rows of a registry file by column name: UTF-8, a header row, RFC 4180 quoting, one record a line. */
    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new IOException(file + " has no header row");
            }
            List<String> header = splitCsvLine(headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine);
            List<Map<String, String>> records = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = splitCsvLine(line);
                Map<String, String> record = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    record.put(header.get(i).trim(), i < fields.size() ? fields.get(i).trim() : "");
                }
                records.add(record);
            }
            return records;
        }
    }

    private static List<String> splitCsvLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    // ---- drawing

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static int between(SplittableRandom random, int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** An index drawn with the given relative weights (the benchmark's generator draws with it too). */
    public static int weighted(SplittableRandom random, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new AssertionError("weights exhausted");
    }

    /** How many of {@code trials} chances of {@code percent} each come up. */
    private static int occurrences(SplittableRandom random, int trials, int percent) {
        int count = 0;
        for (int i = 0; i < trials; i++) {
            if (random.nextInt(100) < percent) {
                count++;
            }
        }
        return count;
    }

    private static List<String> shuffled(List<String> values, SplittableRandom random) {
        List<String> shuffled = new ArrayList<>(values);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            shuffled.set(j, shuffled.set(i, shuffled.get(j)));
        }
        return shuffled;
    }
}
