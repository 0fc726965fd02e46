package cn.campaign.pipeline.demo;

import cn.campaign.pipeline.command.DemoCommand;
import cn.campaign.pipeline.operation.CampaignSettings;
import cn.campaign.pipeline.generator.TwoCitiesRegistry;
import cn.campaign.pipeline.generator.TwoCitiesSubmissions;
import cn.campaign.pipeline.operation.PipelinePaths;
import cn.campaign.pipeline.nightly.NightlyCommand;
import cn.campaign.pipeline.registry.RegistryCommand;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code jobs/demo}: generates, with the generator's two-cities setting, a registry modelled
 * on the seed report (Bayannur and Tongliao) and a month of submissions calibrated to its
 * figures — late and corrected files, missing days, bad rows — then feeds them night by
 * night through the real ingest job on the embedded warehouse and prints the result per city
 * and county.
 */
@Component
public class DemoRunner implements DemoCommand {

    static final long SEED = 20260115L;
    static final int DAYS = 30;
    private static final SqlFile NIGHT_LINE = SqlFile.of("report/night_line");
    private static final SqlFile SUMMARY = SqlFile.of("report/demo_summary");

    private final RegistryCommand registry;
    private final NightlyCommand ingest;
    private final NamedParameterJdbcTemplate jdbc;
    private final Path demoDir;
    private final Path reportsDir;
    private final LocalDate campaignStart;

    public DemoRunner(RegistryCommand registry, NightlyCommand ingest, DataSource dataSource, PipelinePaths paths,
                      CampaignSettings campaign) {
        this.registry = registry;
        this.ingest = ingest;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.demoDir = paths.demoDir();
        this.reportsDir = paths.reportsDir();
        this.campaignStart = campaign.startDate();
    }

    @Override
    public void run(PrintStream out) {
        try {
            Path registryDir = demoDir.resolve("registry");
            TwoCitiesRegistry.Counts registryCounts = TwoCitiesRegistry.write(registryDir, SEED);
            out.printf("demo: sample registry in %s: %d precincts, %d villages and communities, %d enterprises, %d venues%n",
                    registryDir, registryCounts.precincts(), registryCounts.units(), registryCounts.enterprises(),
                    registryCounts.venues());
            registry.load(registryDir, out);

            Path arrivals = demoDir.resolve("arrivals");
            LocalDate last = campaignStart.plusDays(DAYS - 1);
            TwoCitiesSubmissions.Counts counts = TwoCitiesSubmissions.writeByArrival(registryDir, arrivals, campaignStart, last,
                    SEED);
            out.printf("demo: %d submission files for %s..%s (%d rows, %d deliberately bad, %d corrections, %d late, "
                            + "%d precinct-days missing), fed night by night through the ingest job:%n",
                    counts.files(), campaignStart, last, counts.rows(), counts.badRows(), counts.correctedFiles(),
                    counts.lateFiles(), counts.missingPrecinctDays());
            Path inbox = demoDir.resolve("inbox");
            Files.createDirectories(inbox);
            for (Path night : sortedFolders(arrivals)) {
                copyInto(night, inbox);
                long runId = ingest.nightly(inbox, new PrintStream(new ByteArrayOutputStream()));
                Map<String, Object> line = jdbc.queryForMap(NIGHT_LINE.query(), Map.of("runId", runId));
                out.printf("  night %s: %4d files, %5d rows, %3d rejected rows, %d quarantined, %d corrections%n",
                        night.getFileName(), line.get("files"), line.get("rows_read"), line.get("rows_rejected"),
                        line.get("quarantined"), line.get("corrections"));
            }
            printSummary(out);
        } catch (IOException e) {
            throw new UncheckedIOException("demo: " + e.getMessage(), e);
        }
    }

    private void printSummary(PrintStream out) {
        List<Map<String, Object>> rows = jdbc.queryForList(SUMMARY.query(), Map.of());
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.printf("on %s:%n", rows.get(0).get("metric_date"));
        out.println("  化解率 resolution     整改率 rectification  村社区 units  重点企业 key ent.  上报 reporting  退回行 rejected");
        for (Map<String, Object> row : rows) {
            String indent = switch ((String) row.get("org_level")) {
                case "region" -> "";
                case "city" -> "  ";
                default -> "    ";
            };
            out.printf("  %s %-11s %s %-11s %s        %s            %s          %5s    %s%s%n",
                    percent(row.get("dispute_resolution_rate")),
                    "(" + row.get("disputes_resolved_ctd") + "/" + row.get("disputes_found_ctd") + ")",
                    percent(row.get("hazard_rectification_rate")),
                    "(" + row.get("hazards_rectified_ctd") + "/" + row.get("hazards_found_ctd") + ")",
                    percent(row.get("unit_coverage")), percent(row.get("enterprise_coverage")),
                    percent(row.get("reporting_coverage")), row.get("rows_rejected"), indent, row.get("org_name"));
        }
        out.println();
        out.println("HTML report of the last night (opens offline): "
                + reportsDir.resolve(rows.get(0).get("metric_date") + ".html"));
        out.println("The warehouse is in var/pg. To query it: jobs/warehouse (keeps the embedded PostgreSQL running and");
        out.println("prints its psql command), then for example:");
        out.println("  select * from mart.daily_org_metrics where org_level = 'city' order by metric_date desc limit 4;");
        out.println("  select * from ingest.file_ledger where outcome <> 'loaded';");
        out.println("  select * from mart.unreported_precincts order by metric_date desc;");
    }

    private static String percent(Object rate) {
        return rate == null ? "   —  " : String.format("%5.1f%%", ((BigDecimal) rate).doubleValue() * 100);
    }

    private static List<Path> sortedFolders(Path root) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** The night's arrivals join the inbox; a file already there (a second demo run) is left as it is. */
    private static void copyInto(Path night, Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(night)) {
            for (Path file : files.toList()) {
                Path target = inbox.resolve(file.getFileName());
                if (!Files.exists(target)) {
                    Files.copy(file, target);
                }
            }
        }
    }
}
