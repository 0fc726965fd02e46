package cn.campaign.pipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoCitiesSubmissionsTest {

    private static final long SEED = 20260115L;
    private static final LocalDate FROM = LocalDate.of(2026, 1, 15);
    private static final LocalDate TO = LocalDate.of(2026, 1, 19);
    private static final int DAYS = 5;
    private static final Pattern FILE_NAME =
            Pattern.compile("([0-9]{12})_([0-9]{8})_(visits|disputes|hazards|inspections)(_v[0-9]+)?\\.csv");
    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path tmp;

    @Test
    void namesEveryFileAfterAnActivePrecinctADayInRangeAndAKind() throws IOException {
        // given a sample registry
        Path registry = registry();
        Set<String> active = activePrecincts(registry);
        // when five days of submissions are written
        TwoCitiesSubmissions.write(registry, tmp.resolve("inbox"), FROM, TO, SEED);
        // then every file follows the contract's name pattern, for an active precinct and a day of the range
        List<String> names = fileNames(tmp.resolve("inbox"));
        assertThat(names).isNotEmpty();
        for (String name : names) {
            Matcher matcher = FILE_NAME.matcher(name);
            assertThat(matcher.matches()).as(name).isTrue();
            assertThat(active).as(name).contains(matcher.group(1));
            LocalDate day = LocalDate.parse(matcher.group(2), DateTimeFormatter.BASIC_ISO_DATE);
            assertThat(day).as(name).isBetween(FROM, TO);
        }
        // and every active precinct sent visits on most days
        Map<String, Long> visitFilesByPrecinct = names.stream().filter(name -> name.contains("_visits"))
                .collect(Collectors.groupingBy(name -> name.substring(0, 12), Collectors.counting()));
        assertThat(visitFilesByPrecinct.keySet()).isEqualTo(active);
        assertThat(visitFilesByPrecinct.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(DAYS - 2));
    }

    @Test
    void writesTheSameBytesForTheSameSeed() throws IOException {
        // given a sample registry
        Path registry = registry();
        // when the same days are written twice with the same seed
        TwoCitiesSubmissions.Counts first = TwoCitiesSubmissions.write(registry, tmp.resolve("first"), FROM, TO, SEED);
        TwoCitiesSubmissions.Counts second = TwoCitiesSubmissions.write(registry, tmp.resolve("second"), FROM, TO, SEED);
        // then both runs report the same counts and hold byte-identical files
        assertThat(second).isEqualTo(first);
        Map<String, byte[]> firstFiles = contents(tmp.resolve("first"));
        Map<String, byte[]> secondFiles = contents(tmp.resolve("second"));
        assertThat(secondFiles.keySet()).isEqualTo(firstFiles.keySet());
        firstFiles.forEach((name, bytes) -> assertThat(secondFiles.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void savesSomeFilesAsExcelDoesInGb18030WithChineseHeaders() throws IOException {
        // given five days of submissions
        Path inbox = tmp.resolve("inbox");
        TwoCitiesSubmissions.write(registry(), inbox, FROM, TO, SEED);
        // when the files that are not UTF-8 are decoded as GB18030
        List<String> gb18030Texts = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : contents(inbox).entrySet()) {
            if (!decodes(file.getValue(), StandardCharsets.UTF_8)) {
                assertThatCode(() -> strictDecode(file.getValue(), GB18030)).as(file.getKey()).doesNotThrowAnyException();
                gb18030Texts.add(strictDecode(file.getValue(), GB18030));
            }
        }
        // then there are some, each with a Chinese header and CRLF line ends
        assertThat(gb18030Texts).isNotEmpty();
        assertThat(gb18030Texts).allSatisfy(text -> {
            assertThat(text.lines().findFirst().orElseThrow()).containsAnyOf("走访编号", "纠纷编号", "隐患编号", "检查编号");
            assertThat(text).contains("\r\n");
        });
    }

    @Test
    void reportsCountsThatMatchTheFilesAndTheCampaignsScale() throws IOException {
        // given a sample registry with its active precincts
        Path registry = registry();
        int precinctDays = activePrecincts(registry).size() * DAYS;
        Path inbox = tmp.resolve("inbox");
        // when five days of submissions are written
        TwoCitiesSubmissions.Counts counts = TwoCitiesSubmissions.write(registry, inbox, FROM, TO, SEED);
        // then the counts agree with what is on disk
        Map<String, byte[]> files = contents(inbox);
        assertThat(counts.files()).isEqualTo(files.size());
        assertThat(counts.correctedFiles()).isEqualTo(files.keySet().stream().filter(name -> name.contains("_v2")).count());
        long records = files.values().stream().mapToLong(TwoCitiesSubmissionsTest::dataRecords).sum();
        assertThat(counts.rows()).isEqualTo(records);
        // and they are on the scale of the campaign: 5-25 visits a precinct-day, about 1% bad rows,
        // about 3% of precinct-days missing, a correction or late file now and then
        assertThat(counts.rows()).isBetween(precinctDays * 10L, precinctDays * 40L);
        assertThat(counts.badRows()).isBetween((int) (counts.rows() / 300), (int) (counts.rows() / 30));
        assertThat(counts.missingPrecinctDays()).isBetween(1, precinctDays / 10);
        assertThat(counts.correctedFiles()).isLessThan(counts.files() / 20);
        assertThat(counts.lateFiles()).isBetween(counts.correctedFiles(), counts.files() / 10);
    }

    @Test
    void sortsTheSameFilesIntoArrivalFoldersWithLateFilesAfterTheirDate() throws IOException {
        // given a sample registry and its files written into one inbox
        Path registry = registry();
        TwoCitiesSubmissions.Counts flat = TwoCitiesSubmissions.write(registry, tmp.resolve("inbox"), FROM, TO, SEED);
        // when the same days are written by arrival day
        Path arrivals = tmp.resolve("arrivals");
        TwoCitiesSubmissions.Counts byArrival = TwoCitiesSubmissions.writeByArrival(registry, arrivals, FROM, TO, SEED);
        // then the files and counts are the same
        assertThat(byArrival).isEqualTo(flat);
        Map<String, byte[]> arrived = new TreeMap<>();
        int late = 0;
        try (Stream<Path> folders = Files.list(arrivals)) {
            for (Path folder : folders.toList()) {
                LocalDate arrival = LocalDate.parse(folder.getFileName().toString(), DateTimeFormatter.BASIC_ISO_DATE);
                for (Map.Entry<String, byte[]> file : contents(folder).entrySet()) {
                    LocalDate day = LocalDate.parse(file.getKey().substring(13, 21), DateTimeFormatter.BASIC_ISO_DATE);
                    // and no file arrives before its date, and those after it are the late ones
                    assertThat(arrival).as(file.getKey()).isAfterOrEqualTo(day);
                    late += arrival.isAfter(day) ? 1 : 0;
                    arrived.put(file.getKey(), file.getValue());
                }
            }
        }
        Map<String, byte[]> inbox = contents(tmp.resolve("inbox"));
        assertThat(arrived.keySet()).isEqualTo(inbox.keySet());
        inbox.forEach((name, bytes) -> assertThat(arrived.get(name)).as(name).isEqualTo(bytes));
        assertThat(late).isEqualTo(byArrival.lateFiles());
    }

    private Path registry() throws IOException {
        Path registry = tmp.resolve("registry");
        TwoCitiesRegistry.write(registry, SEED);
        return registry;
    }

    private static Set<String> activePrecincts(Path registry) throws IOException {
        try (Stream<String> lines = Files.lines(registry.resolve("precincts.csv"))) {
            return lines.skip(1).map(line -> line.split(","))
                    .filter(fields -> fields[fields.length - 1].equals("true"))
                    .map(fields -> fields[0])
                    .collect(Collectors.toSet());
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        for (String name : fileNames(dir)) {
            contents.put(name, Files.readAllBytes(dir.resolve(name)));
        }
        return contents;
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            strictDecode(bytes, charset);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String strictDecode(byte[] bytes, Charset charset) throws CharacterCodingException {
        CharBuffer text = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
        return text.toString();
    }

    /** CSV records after the header: line ends outside quotes, every file ending in one. */
    static long dataRecords(byte[] bytes) {
        // the bytes of '"' and '\n' never occur inside a multi-byte UTF-8 or GB18030 character
        long lineEnds = 0;
        boolean quoted = false;
        for (byte b : bytes) {
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                lineEnds++;
            }
        }
        return lineEnds - 1;
    }
}
