package cn.campaign.pipeline.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The five files of a registry (contract section 1) with their columns, as both settings write them. */
enum RegistryFile {
    REGIONS("regions.csv", "code", "name", "level", "parent_code"),
    PRECINCTS("precincts.csv", "precinct_code", "name", "county_code", "active"),
    JURISDICTION("jurisdiction.csv", "precinct_code", "unit_code"),
    ENTERPRISES("enterprises.csv", "credit_code", "name", "unit_code", "key"),
    VENUES("venues.csv", "venue_id", "name", "venue_type", "unit_code");

    private final String fileName;
    private final List<String> columns;

    RegistryFile(String fileName, String... columns) {
        this.fileName = fileName;
        this.columns = List.of(columns);
    }

    Path in(Path dir) {
        return dir.resolve(fileName);
    }

    /** Starts the file in {@code dir} with its header row. */
    Writer create(Path dir) throws IOException {
        return new Writer(in(dir), columns);
    }

    /** UTF-8, LF line ends, RFC 4180 quoting only for fields that need it. */
    static final class Writer implements AutoCloseable {
        private final BufferedWriter out;
        private int rows;

        private Writer(Path file, List<String> header) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            write(header.toArray(String[]::new));
        }

        void row(String... fields) throws IOException {
            write(fields);
            rows++;
        }

        /** Data rows written so far, the header not counted. */
        int rows() {
            return rows;
        }

        private void write(String... fields) throws IOException {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(CsvQuoting.quoted(fields[i]));
            }
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
