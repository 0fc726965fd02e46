package cn.campaign.pipeline.merge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.Inbox;
import cn.campaign.pipeline.PipelineApplication;
import cn.campaign.pipeline.Warehouse;
import cn.campaign.pipeline.nightly.NightlyCommand;
import cn.campaign.pipeline.registry.RegistryCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Contract section 4, "order does not matter": the warehouse and every metric are a function
 * of the set of files ingested. A generated set of submission files of all four kinds —
 * versions, keys repeated within a file and across dates, bad rows, files of an inactive
 * precinct — ingested all at once, day by day, in shuffled batches, and with the first day's
 * case and hazard snapshots a night after all the others, gives identical relations.
 *
 * <p>Every set also holds {@link #FIXED_FILES}, which load rows of every kind and hold a
 * version replaced by a higher one, repeated keys and identical snapshots, so no try compares
 * empty with empty. The two order-dependent exceptions of the contract do not arise: every
 * file's bytes are unique (an extra column named after the file, which the pipeline ignores),
 * and no two files share precinct, date, kind and version (names are unique, and version 1
 * never carries {@code _v1}).
 *
 * <p>Only order-independent relations are compared, by their contract columns: the views
 * {@code core.visit} and {@code core.inspection}, the row and snapshot tables, first visits,
 * ledger events, {@code mart.precinct_daily}, {@code mart.daily_org_metrics}, the file ledger
 * and the rejected rows. A replaced version is the one legitimate difference of the ledger: it
 * is {@code superseded} when it arrived before its replacement or with it, and was read (its
 * counts and rejected rows kept), {@code stale} when it arrived after it, and was not (counts 0,
 * contract sections 3 and 6); so it is compared as {@code superseded}, without its counts and
 * rejected rows. Internal columns (which file a row came from, flags) may depend on the order.
 */
class OrderIndependenceProperties {

    static final String VISITS = "visit_id,visit_date,officer_id,target_type,target_code,persons_reached,issues_found,note";
    static final String DISPUTES = "case_id,reported_date,dispute_type,unit_code,status,status_date,mechanism,escalated,note";
    static final String HAZARDS = "hazard_id,found_date,category,unit_code,status,status_date";
    static final String INSPECTIONS = "inspection_id,inspection_date,venue_id,violations_found,violations_handled";
    static final Map<String, String> HEADERS = Map.of("visits", VISITS, "disputes", DISPUTES, "hazards", HAZARDS,
            "inspections", INSPECTIONS);
    /** Fixture registry: P1 (units U1, U2), P2 (unit U3) active, PX (unit U4) inactive. */
    static final String P1 = "150802000001";
    static final String P2 = "150821000001";
    static final String PX = "150821000002";

    private static final String REPLACED = "outcome in ('superseded', 'stale')";

    /** The order-independent relations, each by its contract columns, as sorted text. */
    static final Map<String, String> RELATIONS = relations();

    private static Map<String, String> relations() {
        Map<String, String> relations = new LinkedHashMap<>();
        String visit = "precinct_code, submission_date, line_no, visit_id, visit_date, officer_id, target_type, target_code, "
                + "persons_reached, issues_found, note";
        String inspection = "precinct_code, submission_date, line_no, inspection_id, inspection_date, venue_id, "
                + "violations_found, violations_handled";
        relations.put("core.visit", "select row(" + visit + ")::text from core.visit");
        relations.put("core.visit_row", "select row(" + visit + ")::text from core.visit_row");
        relations.put("core.inspection", "select row(" + inspection + ")::text from core.inspection");
        relations.put("core.inspection_row", "select row(" + inspection + ")::text from core.inspection_row");
        relations.put("core.dispute_snapshot", "select row(precinct_code, submission_date, line_no, case_id, reported_date, "
                + "dispute_type, unit_code, status, status_date, mechanism, escalated, note)::text from core.dispute_snapshot");
        relations.put("core.hazard_snapshot", "select row(precinct_code, submission_date, line_no, hazard_id, found_date, "
                + "category, unit_code, status, status_date)::text from core.hazard_snapshot");
        relations.put("core.target_first_visit", "select row(target_kind, target_code, first_visit_date)::text "
                + "from core.target_first_visit");
        relations.put("core.ledger_event", "select row(ledger, precinct_code, item_id, event_date, found_delta, closed_delta, "
                + "referred_delta, escalated_delta)::text from core.ledger_event");
        relations.put("mart.precinct_daily", "select t::text from mart.precinct_daily t");
        relations.put("mart.daily_org_metrics", "select t::text from mart.daily_org_metrics t");
        // a replaced version is superseded if it arrived before its replacement or with it (then it
        // was read: its counts and rejected rows are kept), stale if after (not read: counts 0)
        relations.put("ingest.file_ledger", "select row(file_name, case when " + REPLACED + " then 'superseded' else outcome end, "
                + "code, case when " + REPLACED + " then null else row(rows_read, rows_loaded, rows_duplicate, rows_rejected)::text end"
                + ")::text from ingest.file_ledger");
        relations.put("ingest.rejected_rows", "select row(file_name, line_no, codes, raw_line)::text from ingest.rejected_rows "
                + "where file_name not in (select file_name from ingest.file_ledger where " + REPLACED + ")");
        return relations;
    }

    /** One submission file: precinct, day of February, kind, version and its data lines. */
    record SubmissionFile(String precinct, int day, String kind, int version, List<String> rows) {
        String name() {
            return precinct + "_202602" + String.format("%02d", day) + "_" + kind + (version == 1 ? "" : "_v" + version) + ".csv";
        }

        String slot() {
            return precinct + " " + day + " " + kind;
        }

        boolean isSnapshot() {
            return kind.equals("disputes") || kind.equals("hazards");
        }
    }

    /**
     * In every set: P1's files that load rows of each kind, with a row repeating a key within its
     * file (visits V1, inspections I1), identical snapshots (C1, H1), keys repeated across dates
     * (V1, I2, C1, H1), a version replaced by a higher one (visits of 02-02; V3 is gone with it)
     * and one whose lower versions never came (disputes_v3). Generated files never take these slots.
     */
    static final List<SubmissionFile> FIXED_FILES = List.of(
            new SubmissionFile(P1, 1, "visits", 1, List.of(
                    "V1,2026-02-01,100001,household,150802001001,3,0,",
                    "V2,2026-02-01,100001,enterprise,91150802MA0N12340C,2,0,",
                    "V1,2026-02-01,100002,household,150802001002,4,0,走访")),
            new SubmissionFile(P1, 1, "disputes", 1, List.of(
                    "C1,2026-02-01,noise,150802001001,open,2026-02-01,,false,",
                    "C1,2026-02-01,noise,150802001001,open,2026-02-01,,false,",
                    "C2,2026-02-01,land,150802001002,resolved,2026-02-01,police,true,")),
            new SubmissionFile(P1, 1, "hazards", 1, List.of(
                    "H1,2026-02-01,fire,150802001001,open,2026-02-01",
                    "H1,2026-02-01,fire,150802001001,open,2026-02-01")),
            new SubmissionFile(P1, 1, "inspections", 1, List.of(
                    "I1,2026-02-01,V150802001001,2,1",
                    "I2,2026-02-01,V150802001001,0,0",
                    "I1,2026-02-01,V150802001001,3,3")),
            new SubmissionFile(P1, 2, "visits", 1, List.of(
                    "V1,2026-02-02,100001,village,150821100201,5,1,",
                    "V3,2026-02-02,100001,household,150802001002,1,0,")),
            new SubmissionFile(P1, 2, "visits", 2, List.of(
                    "V1,2026-02-02,100001,village,150821100201,6,1,",
                    "V4,2026-02-01,100001,enterprise,91150821MA0Q56780Q,2,0,")),
            new SubmissionFile(P1, 2, "disputes", 3, List.of(
                    "C1,2026-02-01,noise,150802001001,resolved,2026-02-02,joint,false,电话13912345678")),
            new SubmissionFile(P1, 3, "hazards", 1, List.of(
                    "H1,2026-02-01,fire,150802001001,rectified,2026-02-03")),
            new SubmissionFile(P1, 3, "inspections", 2, List.of(
                    "I2,2026-02-03,V150802001001,1,1")));
    static final Set<String> FIXED_SLOTS = FIXED_FILES.stream().map(SubmissionFile::slot).collect(Collectors.toSet());

    private static ConfigurableApplicationContext context;
    private static NightlyCommand ingest;
    private static RegistryCommand registry;
    private static Warehouse warehouse;
    private static JobRepositoryTestUtils jobRepositoryTestUtils;

    @BeforeContainer
    static void startPipeline() {
        context = new SpringApplicationBuilder(PipelineApplication.class).run(
                "--pipeline.embedded.data-dir=target/test-pg/order-" + System.nanoTime(),
                "--pipeline.var-dir=target/test-var/order-" + System.nanoTime());
        ingest = context.getBean(NightlyCommand.class);
        registry = context.getBean(RegistryCommand.class);
        warehouse = new Warehouse(context.getBean(JdbcTemplate.class));
        jobRepositoryTestUtils = new JobRepositoryTestUtils(context.getBean(JobRepository.class));
    }

    @AfterContainer
    static void stopPipeline() {
        context.close();
    }

    @Property(tries = 8)
    void theWarehouseAndTheMetricsDependOnlyOnTheSetOfFiles(@ForAll("generatedFiles") List<SubmissionFile> generated,
                                                              @ForAll Random random) throws IOException {
        List<SubmissionFile> files = new ArrayList<>(FIXED_FILES);
        files.addAll(generated);

        Map<String, List<String>> allAtOnce = ingestInBatches(List.of(files));
        // every try loads rows of every kind, replaces a version and counts repeated rows
        JdbcTemplate jdbc = warehouse.jdbc();
        for (String table : List.of("core.visit_row", "core.inspection_row", "core.dispute_snapshot", "core.hazard_snapshot")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table).isPositive();
        }
        assertThat(allAtOnce.get("ingest.file_ledger")).anyMatch(row -> row.contains(",superseded,"));
        assertThat(jdbc.queryForObject("select sum(rows_duplicate) from ingest.file_ledger", Long.class)).isPositive();

        Map<Integer, List<SubmissionFile>> byDay = new TreeMap<>(files.stream().collect(Collectors.groupingBy(SubmissionFile::day)));
        Map<String, List<String>> dayByDay = ingestInBatches(new ArrayList<>(byDay.values()));

        List<SubmissionFile> shuffled = new ArrayList<>(files);
        Collections.shuffle(shuffled, random);
        List<List<SubmissionFile>> batches = new ArrayList<>();
        for (int start = 0; start < shuffled.size(); ) {
            int size = 1 + random.nextInt(4);
            batches.add(shuffled.subList(start, Math.min(shuffled.size(), start + size)));
            start += size;
        }
        Map<String, List<String>> inShuffledBatches = ingestInBatches(batches);

        // late snapshots: the first day's case and hazard files arrive the night after all the others
        Map<Boolean, List<SubmissionFile>> firstDaysSnapshots = files.stream()
                .collect(Collectors.partitioningBy(file -> file.day() == 1 && file.isSnapshot()));
        Map<String, List<String>> withLateSnapshots = ingestInBatches(List.of(firstDaysSnapshots.get(false),
                firstDaysSnapshots.get(true)));

        assertThat(dayByDay).as("day by day").isEqualTo(allAtOnce);
        assertThat(inShuffledBatches).as("in shuffled batches").isEqualTo(allAtOnce);
        assertThat(withLateSnapshots).as("the first day's snapshots a night late").isEqualTo(allAtOnce);
    }

    /** Files of the four kinds, of P1 and P2 (now and then of inactive PX: F02), days 1–3, versions 1–3. */
    @Provide
    Arbitrary<List<SubmissionFile>> generatedFiles() {
        Arbitrary<String> precinct = Arbitraries.frequency(Tuple.of(3, P1), Tuple.of(3, P2), Tuple.of(1, PX));
        Arbitrary<Integer> version = Arbitraries.frequency(Tuple.of(3, 1), Tuple.of(2, 2), Tuple.of(1, 3));
        Arbitrary<SubmissionFile> file = Arbitraries.of("visits", "disputes", "hazards", "inspections").flatMap(kind ->
                Combinators.combine(precinct, Arbitraries.integers().between(1, 3), version, rows(kind).list().ofMaxSize(4))
                        .as((code, day, v, rows) -> new SubmissionFile(code, day, kind, v, rows)));
        return file.filter(f -> !FIXED_SLOTS.contains(f.slot())).list().ofMaxSize(8).uniqueElements(SubmissionFile::name);
    }

    /**
     * Data lines of a kind: keys from a small pool (repeated within and across files), dates of
     * days 1–3 (after the file's own day: R03), and now and then a value that is rejected.
     */
    static Arbitrary<String> rows(String kind) {
        Arbitrary<Integer> day = Arbitraries.integers().between(1, 3);
        return switch (kind) {
            case "visits" -> Combinators.combine(
                    Arbitraries.of("V1", "V2", "V3", "V4"), day,
                    Arbitraries.of("household,150802001001", "village,150821100201", "community,150802001002",
                            "enterprise,91150802MA0N12340C", "enterprise,91150821MA0Q56780Q", "venue,V150802001001",
                            "household,150802009999", "enterprise,91150802MA0N12340D"),
                    Arbitraries.integers().between(0, 520),
                    Arbitraries.of("", "走访", "电话13912345678"))
                    .as((id, d, target, persons, note) ->
                            id + ",2026-02-0" + d + ",100001," + target + "," + persons + ",0," + note);
            case "disputes" -> Combinators.combine(
                    Arbitraries.of("C1", "C2", "C3"), Arbitraries.integers().between(1, 2),
                    Arbitraries.of("noise", "邻里", "flood"),
                    Arbitraries.of("150802001001", "150821100201", "150802009999"),
                    Arbitraries.of("open,", "mediating,", "resolved,joint", "已化解,police", "resolved,", "referred,"),
                    day, Arbitraries.of("false", "true", "是"))
                    .as((id, reported, type, unit, status, d, escalated) ->
                            id + ",2026-02-0" + reported + "," + type + "," + unit + "," + status.split(",", -1)[0]
                                    + ",2026-02-0" + d + "," + status.split(",", -1)[1] + "," + escalated + ",");
            case "hazards" -> Combinators.combine(
                    Arbitraries.of("H1", "H2", "H3"), Arbitraries.integers().between(1, 2),
                    Arbitraries.of("fire", "traffic", "flood"),
                    Arbitraries.of("150802001001", "150821100201", "150802009999"),
                    Arbitraries.of("open", "rectified", "已整改"), day)
                    .as((id, found, category, unit, status, d) ->
                            id + ",2026-02-0" + found + "," + category + "," + unit + "," + status + ",2026-02-0" + d);
            case "inspections" -> Combinators.combine(
                    Arbitraries.of("I1", "I2", "I3", "I4"), day,
                    Arbitraries.of("V150802001001", "V150821100202", "V150802009999"),
                    Arbitraries.of(0, 1, 3, 51), Arbitraries.integers().between(0, 2))
                    .as((id, d, venue, found, handled) ->
                            id + ",2026-02-0" + d + "," + venue + "," + found + "," + Math.min(handled, found + 1));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Resets the warehouse, ingests the batches one night each, and dumps the order-independent relations. */
    private Map<String, List<String>> ingestInBatches(List<List<SubmissionFile>> batches) throws IOException {
        warehouse.reset(registry, jobRepositoryTestUtils);
        Path root = Files.createTempDirectory("order-independence");
        Inbox inbox = new Inbox(root.resolve("inbox"));
        for (List<SubmissionFile> batch : batches) {
            for (SubmissionFile file : batch.stream().sorted(Comparator.comparing(SubmissionFile::name)).toList()) {
                List<String> lines = new ArrayList<>();
                lines.add(HEADERS.get(file.kind()) + ",tag " + file.name());
                file.rows().forEach(row -> lines.add(row + ",x"));
                inbox.utf8(file.name(), lines.toArray(String[]::new));
            }
            ingest.nightly(inbox.dir(), new PrintStream(new ByteArrayOutputStream()));
        }
        warehouse.assertAccountingHolds();
        warehouse.assertDerivedTablesFollowTheRows();
        Map<String, List<String>> dump = new LinkedHashMap<>();
        JdbcTemplate jdbc = warehouse.jdbc();
        RELATIONS.forEach((name, query) -> dump.put(name, jdbc.queryForList(query + " order by 1", String.class)));
        deleteRecursively(root);
        return dump;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
