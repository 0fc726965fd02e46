package cn.campaign.pipeline.report;

import cn.campaign.pipeline.feedback.FeedbackWriter;
import cn.campaign.pipeline.operation.PipelineFailure;
import cn.campaign.pipeline.operation.PipelinePaths;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code var/reports/<latest metric date>.html}: one self-contained page per run for people
 * who open it from a folder or an email attachment, offline — the data and ECharts are
 * inlined, nothing is fetched. Headline rates of the region and its cities with the change
 * since the day before, per-city charts over time, a sortable county table, who did not
 * report, what each precinct must fix (linked to its feedback file) and the run's ledger.
 * Every figure comes from a query in {@code sql/report/}; the page is {@code templates/report.html}.
 */
@Component
public class HtmlReport {

    private static final SqlFile LATEST_METRIC_DATE = SqlFile.of("report/latest_metric_date");
    private static final SqlFile HEADLINE = SqlFile.of("report/headline");
    private static final SqlFile CITY_TREND = SqlFile.of("report/city_trend");
    private static final SqlFile COUNTY_TABLE = SqlFile.of("report/county_table");
    private static final SqlFile UNREPORTED = SqlFile.of("report/unreported_on_day");
    private static final SqlFile PRECINCT_PROBLEMS = SqlFile.of("report/precinct_problems");
    private static final SqlFile RUN_SUMMARY = SqlFile.of("report/run_summary");
    /** The rates charted per city over time: the columns of sql/report/city_trend.sql. */
    private static final List<Rate> CHARTED = List.of(Rate.RESOLUTION, Rate.UNITS);
    /** Whatever version of the webjar pom.xml names. */
    private static final String ECHARTS = "classpath*:META-INF/resources/webjars/echarts/*/dist/echarts.min.js";

    private final NamedParameterJdbcTemplate jdbc;
    private final ITemplateEngine templates;
    private final JsonMapper json;
    private final PipelinePaths paths;

    public HtmlReport(DataSource dataSource, ITemplateEngine templates, JsonMapper json, PipelinePaths paths) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.templates = templates;
        this.json = json;
        this.paths = paths;
    }

    /** Writes the report of the run; empty when no day has metrics yet. */
    public Optional<Path> write(long runId) {
        LocalDate day = jdbc.queryForObject(LATEST_METRIC_DATE.query(), Map.of(), LocalDate.class);
        if (day == null) {
            return Optional.empty();
        }
        Map<String, Object> onDay = Map.of("day", Date.valueOf(day));
        Context page = new Context(Locale.SIMPLIFIED_CHINESE);
        page.setVariable("day", day.toString());
        page.setVariable("runId", runId);
        page.setVariable("generatedAt", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        page.setVariable("rates", Arrays.stream(Rate.values()).map(Rate::label).toList());
        page.setVariable("headline", jdbc.query(HEADLINE.query(), onDay, (rs, i) -> org(rs, true)));
        page.setVariable("charts", CHARTED.stream().map(rate -> Map.of("column", rate.column(), "label", rate.label())).toList());
        page.setVariable("chartData", scriptSafe(json.writeValueAsString(Map.of("cities", cityTrends(onDay)))));
        page.setVariable("counties", jdbc.query(COUNTY_TABLE.query(), onDay, (rs, i) -> org(rs, false)));
        page.setVariable("unreported", jdbc.queryForList(UNREPORTED.query(), onDay));
        page.setVariable("problems", precinctProblems(runId));
        page.setVariable("ledger", jdbc.queryForList(RUN_SUMMARY.query(), Map.of("runId", runId)));
        page.setVariable("echarts", echarts());
        return Optional.of(render(page, paths.reportsDir().resolve(day + ".html")));
    }

    /** One organisation's rates; with the day before for the headline's change. */
    private static OrgFigures org(ResultSet rs, boolean withChange) throws SQLException {
        List<Figure> figures = new ArrayList<>();
        for (Rate rate : Rate.values()) {
            figures.add(new Figure(rs.getBigDecimal(rate.column()),
                    withChange ? rs.getBigDecimal("previous_" + rate.column()) : null,
                    rs.getLong(rate.numerator()), rs.getLong(rate.denominator())));
        }
        String parent = withChange ? null : rs.getString("city_name");
        return new OrgFigures(rs.getString("org_level"), rs.getString("org_code"), rs.getString("org_name"), parent, figures);
    }

    /** Every city with, per charted rate, its {@code [date, rate]} points, in the order of the query. */
    private List<CityTrend> cityTrends(Map<String, Object> onDay) {
        Map<String, CityTrend> cities = new LinkedHashMap<>();
        jdbc.query(CITY_TREND.query(), onDay, rs -> {
            CityTrend city = cities.get(rs.getString("org_code"));
            if (city == null) {
                city = new CityTrend(rs.getString("org_code"), rs.getString("org_name"), new LinkedHashMap<>());
                cities.put(city.code(), city);
            }
            for (Rate rate : CHARTED) {
                city.rates().computeIfAbsent(rate.column(), column -> new ArrayList<>())
                        .add(new Object[] {rs.getString("metric_date"), rs.getBigDecimal(rate.column())});
            }
        });
        return List.copyOf(cities.values());
    }

    private List<PrecinctProblems> precinctProblems(long runId) {
        Path runFeedback = paths.feedbackDir(runId);
        return jdbc.query(PRECINCT_PROBLEMS.query(), Map.of("runId", runId), (rs, i) -> {
            String precinct = rs.getString("precinct_code");
            String[] codes = (String[]) rs.getArray("codes").getArray();
            Long[] occurrences = (Long[]) rs.getArray("occurrences").getArray();
            List<CodeCount> top = new ArrayList<>();
            for (int c = 0; c < codes.length; c++) {
                top.add(new CodeCount(codes[c], occurrences[c], FeedbackWriter.reason(codes[c], null)));
            }
            // relative, so the link works wherever the var folder is copied or mounted
            String link = paths.reportsDir().relativize(runFeedback.resolve(FeedbackWriter.fileName(precinct)))
                    .toString().replace('\\', '/');
            return new PrecinctProblems(precinct, rs.getString("precinct_name"), rs.getLong("rows_rejected"),
                    rs.getLong("problem_files"), top, link);
        });
    }

    private static String echarts() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(ECHARTS);
            if (found.length != 1) {
                throw new IllegalStateException("expected one echarts.min.js on the classpath, found " + found.length);
            }
            String script = found[0].getContentAsString(StandardCharsets.UTF_8);
            // inlined in a <script> element, which this text would end early
            if (script.toLowerCase(Locale.ROOT).contains("</script")) {
                throw new IllegalStateException("echarts.min.js contains </script and cannot be inlined");
            }
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON inside a script element must not end it: "<" occurs only in strings, where its escape means the same. */
    private static String scriptSafe(String jsonText) {
        return jsonText.replace("<", "\\u003c");
    }

    /** Renders next to the target and moves it in place: whoever opens the report never sees half a page. */
    private Path render(Context page, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                templates.process("report", page, out);
            }
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PipelineFailure("cannot write the report: " + e.getMessage(), e);
        }
    }

    /** A region, city or county with its rates in the order of {@link Rate}; parent is the county's city. */
    public record OrgFigures(String level, String code, String name, String parent, List<Figure> figures) {
    }

    /** One rate as the page shows it: a percentage, its counts, the change since the day before. */
    public record Figure(BigDecimal value, BigDecimal previous, long numerator, long denominator) {

        private static final String NONE = "—";

        /** {@code 66.7%}; a dash when the denominator is 0. */
        public String text() {
            return value == null ? NONE : value.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
        }

        public String counts() {
            return numerator + "/" + denominator;
        }

        /** Percentage points since the day before, {@code +16.7 pp}; a dash when either day has no rate. */
        public String change() {
            if (value == null || previous == null) {
                return NONE;
            }
            BigDecimal points = value.subtract(previous).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
            return (points.signum() > 0 ? "+" : points.signum() == 0 ? "±" : "") + points + " pp";
        }

        /** {@code up}, {@code down} or {@code same}, for the colour of the change. */
        public String direction() {
            if (value == null || previous == null || value.compareTo(previous) == 0) {
                return "same";
            }
            return value.compareTo(previous) > 0 ? "up" : "down";
        }

        /** What the county table sorts by: the exact rate; none (so no attribute) when there is no rate. */
        public String sortKey() {
            return value == null ? null : value.toPlainString();
        }
    }

    /** A precinct with something to fix in the run, its most frequent codes and its feedback file. */
    public record PrecinctProblems(String code, String name, long rowsRejected, long problemFiles, List<CodeCount> topCodes,
                                   String feedbackLink) {
    }

    public record CodeCount(String code, long occurrences, String reason) {
    }

    /** The chart data of one city: {@code rates} maps a rate column to its {@code [date, rate]} points. */
    record CityTrend(String code, String name, Map<String, List<Object[]>> rates) {
    }
}
