package cn.campaign.pipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.contract.Column;
import cn.campaign.pipeline.contract.SubmissionFileName;
import cn.campaign.pipeline.contract.SubmissionKind;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The national setting: every day a pure function of the seed, in files the contract names and heads. */
class NationalDayTest {

    private static final long SEED = 20260316L;
    private static final LocalDate START = LocalDate.of(2026, 1, 15);
    private static final NationalRegistry REGISTRY = new NationalRegistry(6, SEED);

    @TempDir
    Path tmp;

    @Test
    void writesADayAsTheSameBytesWhicheverDaysWereWrittenBefore() throws IOException {
        // given a generator
        NationalDay generator = new NationalDay(REGISTRY, START, SEED);
        // when the third day is written after the two before it, and alone by a fresh generator
        generator.write(tmp.resolve("first"), START, null);
        generator.write(tmp.resolve("second"), START.plusDays(1), null);
        NationalDay.Counts inTurn = generator.write(tmp.resolve("third"), START.plusDays(2), null);
        NationalDay.Counts alone = new NationalDay(REGISTRY, START, SEED).write(tmp.resolve("alone"), START.plusDays(2), null);
        // then both hold the same files, byte for byte, and the same counts
        assertThat(alone).isEqualTo(inTurn);
        Map<String, byte[]> third = contents(tmp.resolve("third"));
        Map<String, byte[]> separately = contents(tmp.resolve("alone"));
        assertThat(separately.keySet()).isEqualTo(third.keySet());
        third.forEach((name, bytes) -> assertThat(separately.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void namesAndHeadsEveryFileAsTheContractDoes() throws IOException {
        // given a day of every active precinct
        Path inbox = tmp.resolve("inbox");
        NationalDay.Counts counts = new NationalDay(REGISTRY, START, SEED).write(inbox, START.plusDays(1), null);
        // then there are four files a precinct, each named for its precinct, day and kind
        Map<String, byte[]> files = contents(inbox);
        assertThat(files).hasSize((int) counts.files()).hasSize(4 * REGISTRY.precincts());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            SubmissionFileName name = SubmissionFileName.parse(file.getKey()).orElseThrow();
            assertThat(name.submissionDate()).isEqualTo(START.plusDays(1));
            SubmissionKind kind = SubmissionKind.of(name.kind());
            // and headed by the contract's columns, in English (UTF-8, LF) or as Excel saves them (Chinese, CRLF)
            String english = String.join(",", kind.columnNames());
            String chinese = kind.columns().stream().map(Column::alias).collect(Collectors.joining(","));
            String text = decoded(file.getValue());
            assertThat(text).as(file.getKey()).satisfiesAnyOf(
                    plain -> assertThat(plain).startsWith(english + "\n"),
                    excel -> assertThat(excel).startsWith(chinese + "\r\n"));
        }
    }

    @Test
    void copiesTheDayForTheFloorsButTheRecordsCutShort() throws IOException {
        // given a day written with its copy for the floors
        Path copy = tmp.resolve("copy");
        NationalDay.Counts counts = new NationalDay(REGISTRY, START, SEED).write(tmp.resolve("inbox"), START, copy);
        // then the copy holds, under the contract's English headers, every record but those with a field missing
        long records = 0;
        for (SubmissionKind kind : SubmissionKind.values()) {
            String text = Files.readString(NationalDay.copyFile(copy, kind), StandardCharsets.UTF_8);
            assertThat(text).startsWith(String.join(",", kind.columnNames()) + "\n");
            records += TwoCitiesSubmissionsTest.dataRecords(text.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(counts.wrongFieldCountRows()).isPositive();
        assertThat(records).isEqualTo(counts.copyableRows());
    }

    private static String decoded(byte[] bytes) {
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        if (utf8.startsWith("\uFEFF")) {
            return utf8.substring(1);
        }
        return utf8.contains("\uFFFD") ? new String(bytes, Charset.forName("GB18030")) : utf8;
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }
}
