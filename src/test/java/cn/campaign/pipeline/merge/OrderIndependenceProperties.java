package cn.campaign.pipeline.merge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.Inbox;
import cn.campaign.pipeline.PipelineApplication;
import cn.campaign.pipeline.Warehouse;
import cn.campaign.pipeline.ingest.IngestCommands;
import cn.campaign.pipeline.registry.RegistryCommands;
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
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Contract section 4, "order does not matter": the core tables and the metrics are a
 * function of the set of files ingested. A generated set of submission files — versions, repeated keys across
 * dates, bad rows — ingested all at once, day by day, and in shuffled batches gives
 * identical core tables. Every file's bytes are unique (an extra column named after the file), so
 * the contract's two order-dependent exceptions (F05, identical bytes) do not arise.
 */
class OrderIndependenceProperties {

    private static final String VISITS = "visit_id,visit_date,officer_id,target_type,target_code,persons_reached,issues_found,note";
    private static final String DISPUTES = "case_id,reported_date,dispute_type,unit_code,status,status_date,mechanism,escalated,note";
    private static final List<String> CORE_TABLES = List.of("core.visit_row", "core.visit", "core.inspection_row",
            "core.inspection", "core.dispute_snapshot", "core.hazard_snapshot", "core.target_first_visit",
            "core.ledger_event", "mart.daily_org_metrics");

    private static ConfigurableApplicationContext context;
    private static IngestCommands ingest;
    private static RegistryCommands registry;
    private static Warehouse warehouse;
    private static JobRepositoryTestUtils jobRepositoryTestUtils;

    @BeforeContainer
    static void startPipeline() {
        context = new SpringApplicationBuilder(PipelineApplication.class).run(
                "--pipeline.embedded.data-dir=target/test-pg/order-" + System.nanoTime(),
                "--pipeline.var-dir=target/test-var/order-" + System.nanoTime());
        ingest = context.getBean(IngestCommands.class);
        registry = context.getBean(RegistryCommands.class);
        warehouse = new Warehouse(context.getBean(JdbcTemplate.class));
        jobRepositoryTestUtils = new JobRepositoryTestUtils(context.getBean(JobRepository.class));
    }

    @AfterContainer
    static void stopPipeline() {
        context.close();
    }

    /** One submission file: precinct, day of February, kind, version and its data lines. */
    record SubmissionFile(String precinct, int day, String kind, int version, List<String> rows) {
        String name() {
            return precinct + "_202602" + String.format("%02d", day) + "_" + kind + (version == 1 ? "" : "_v" + version) + ".csv";
        }
    }

    @Property(tries = 8)
    void coreTablesAndMetricsDependOnlyOnTheSetOfFiles(@ForAll("submissionSets") List<SubmissionFile> files, @ForAll Random random)
            throws IOException {
        Map<String, List<String>> allAtOnce = ingestInBatches(List.of(files));

        Map<Integer, List<SubmissionFile>> byDay = new TreeMap<>(files.stream().collect(Collectors.groupingBy(SubmissionFile::day)));
        Map<String, List<String>> dayByDay = ingestInBatches(new ArrayList<>(byDay.values()));

        List<SubmissionFile> shuffled = new ArrayList<>(files);
        Collections.shuffle(shuffled, random);
        List<List<SubmissionFile>> batches = new ArrayList<>();
        for (int start = 0; start < shuffled.size(); ) {
            int size = 1 + random.nextInt(3);
            batches.add(shuffled.subList(start, Math.min(shuffled.size(), start + size)));
            start += size;
        }
        Map<String, List<String>> inShuffledBatches = ingestInBatches(batches);

        assertThat(dayByDay).isEqualTo(allAtOnce);
        assertThat(inShuffledBatches).isEqualTo(allAtOnce);
    }

    @Provide
    Arbitrary<List<SubmissionFile>> submissionSets() {
        Arbitrary<String> visitRow = Combinators.combine(
                Arbitraries.of("V1", "V2", "V3", "V4"),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of("household,150802001001", "village,150821100201", "enterprise,91150802MA0N12340C",
                        "venue,V150802001001", "household,150802009999", "enterprise,91150802MA0N12340D"),
                Arbitraries.integers().between(0, 520),
                Arbitraries.of("", "走访", "电话13912345678"))
                .as((id, day, target, persons, note) ->
                        id + ",2026-02-0" + day + ",100001," + target + "," + persons + ",0," + note);
        Arbitrary<String> disputeRow = Combinators.combine(
                Arbitraries.of("C1", "C2", "C3"),
                Arbitraries.of("open,", "mediating,", "resolved,joint", "resolved,", "referred,"),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of("false", "true", "是"))
                .as((id, status, day, escalated) ->
                        id + ",2026-02-01,noise,150802001001," + status.split(",", -1)[0] + ",2026-02-0" + day + ","
                                + status.split(",", -1)[1] + "," + escalated + ",");
        Arbitrary<SubmissionFile> visits = Combinators.combine(
                Arbitraries.of("150802000001", "150821000001"), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 3), visitRow.list().ofMaxSize(4))
                .as((precinct, day, version, rows) -> new SubmissionFile(precinct, day, "visits", version, rows));
        Arbitrary<SubmissionFile> disputes = Combinators.combine(
                Arbitraries.of("150802000001", "150821000001"), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 3), disputeRow.list().ofMaxSize(4))
                .as((precinct, day, version, rows) -> new SubmissionFile(precinct, day, "disputes", version, rows));
        return Arbitraries.oneOf(visits, disputes).list().ofMinSize(1).ofMaxSize(10)
                .uniqueElements(file -> file.name());
    }

    /** Resets the warehouse, ingests the batches one night each, and dumps every core table. */
    private Map<String, List<String>> ingestInBatches(List<List<SubmissionFile>> batches) throws IOException {
        warehouse.reset(registry, jobRepositoryTestUtils);
        Path root = Files.createTempDirectory("order-independence");
        Inbox inbox = new Inbox(root.resolve("inbox"));
        for (List<SubmissionFile> batch : batches) {
            for (SubmissionFile file : batch.stream().sorted(Comparator.comparing(SubmissionFile::name)).toList()) {
                String header = file.kind().equals("visits") ? VISITS : DISPUTES;
                List<String> lines = new ArrayList<>();
                lines.add(header + ",tag " + file.name());
                file.rows().forEach(row -> lines.add(row + ",x"));
                inbox.utf8(file.name(), lines.toArray(String[]::new));
            }
            ingest.nightly(inbox.dir(), new PrintStream(new ByteArrayOutputStream()));
        }
        warehouse.assertAccountingHolds();
        Map<String, List<String>> dump = new LinkedHashMap<>();
        JdbcTemplate jdbc = warehouse.jdbc();
        for (String table : CORE_TABLES) {
            // file_id locates a row and follows the order files arrived in: not part of what is compared
            dump.put(table, jdbc.queryForList("select (to_jsonb(t) - 'file_id')::text from " + table + " t order by 1",
                    String.class));
        }
        deleteRecursively(root);
        return dump;
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
