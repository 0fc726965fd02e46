package cn.campaign.pipeline.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A named SQL file under {@code src/main/resources/sql/<stage>/<name>.sql}, like a model in
 * a dbt project: the set-based work of each stage lives in these files, not in Java strings.
 * Statements are separated by a semicolon at the end of a line; parameters are {@code :name}.
 * One file can serve two tables of the same shape (visits and inspections): its identifiers
 * are then written {@code ${name}} and given when the file is loaded.
 */
public final class SqlFile {

    private static final Logger log = LoggerFactory.getLogger(SqlFile.class);
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*\\R");

    private final String name;
    private final List<String> statements;

    private SqlFile(String name, List<String> statements) {
        this.name = name;
        this.statements = statements;
    }

    public static SqlFile of(String name) {
        return of(name, null, Map.of());
    }

    /**
     * The file with each {@code ${key}} replaced by its identifier (the project's own names,
     * never input); {@code variant} names this use of it in the log, e.g. {@code merge/winners[visits]}.
     */
    public static SqlFile of(String name, String variant, Map<String, String> identifiers) {
        ClassPathResource resource = new ClassPathResource("sql/" + name + ".sql");
        try {
            String text = resource.getContentAsString(StandardCharsets.UTF_8) + "\n";
            for (Map.Entry<String, String> identifier : identifiers.entrySet()) {
                text = text.replace("${" + identifier.getKey() + "}", identifier.getValue());
            }
            if (text.contains("${")) {
                throw new IllegalArgumentException("sql/" + name + ".sql has an identifier not given: " + identifiers.keySet());
            }
            String label = variant == null ? name : name + "[" + variant + "]";
            List<String> statements = Arrays.stream(STATEMENT_END.split(text))
                    .map(String::strip)
                    .filter(s -> !s.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--")))
                    .toList();
            return new SqlFile(label, statements);
        } catch (IOException e) {
            throw new UncheckedIOException("missing SQL file sql/" + name + ".sql", e);
        }
    }

    /** Runs every statement in order, in the caller's transaction; the log shows what each took. */
    public void execute(NamedParameterJdbcTemplate jdbc, Map<String, ?> parameters) {
        for (int i = 0; i < statements.size(); i++) {
            long started = System.nanoTime();
            // a statement may also be a select run for its effect (a function that creates partitions)
            Integer rows = jdbc.execute(statements.get(i), parameters,
                    statement -> statement.execute() ? null : statement.getUpdateCount());
            log.info("sql/{}.sql statement {}: {} rows in {} ms", name, i + 1, rows, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The file's single query. */
    public String query() {
        if (statements.size() != 1) {
            throw new IllegalStateException("sql/" + name + ".sql holds " + statements.size() + " statements, expected one query");
        }
        return statements.get(0);
    }

    public String name() {
        return name;
    }
}
