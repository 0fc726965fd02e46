package cn.campaign.pipeline.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.campaign.pipeline.operation.PipelineFailure;
import cn.campaign.pipeline.PipelineTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PipelineTest
class RegistryJobTest {

    private static final Path GOOD_REGISTRY = Path.of("src/test/resources/registry/good");

    @Autowired
    RegistryCommand registry;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    @Test
    void aGoodRegistryIsLoadedAndRecordedAsANewVersion() throws IOException {
        // given the small registry of the fixtures
        Path registryDir = copyOfGoodRegistry();
        long versionsBefore = versions();

        // when it is loaded
        registry.load(registryDir, System.out);

        // then every row is in force and the load is recorded with its counts and folder
        assertThat(versions()).isEqualTo(versionsBefore + 1);
        assertThat(jdbc.queryForMap("select regions, precincts, jurisdiction, enterprises, venues, source_dir "
                + "from registry.load order by load_id desc limit 1"))
                .containsEntry("regions", 10).containsEntry("precincts", 3).containsEntry("jurisdiction", 4)
                .containsEntry("enterprises", 3).containsEntry("venues", 2)
                .containsEntry("source_dir", registryDir.toAbsolutePath().normalize().toString());
        assertThat(jdbc.queryForObject("select count(*) from registry.precinct where not active", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from registry.enterprise where is_key", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select parent_code from registry.region where code = '150000'", String.class)).isNull();
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of("regions.csv", 3, "1508,巴彦淖尔市,city,150000", "regions.csv:3: code \"1508\" is not a valid city code (6 digits)"),
                Arguments.of("regions.csv", 6, "1508020010,车站街道,township,150802", "regions.csv:6: code \"1508020010\" is not a valid township code (9 digits)"),
                Arguments.of("regions.csv", 7, "15080200100,新华社区,community,150802001", "regions.csv:7: code \"15080200100\" is not a valid community code (12 digits)"),
                Arguments.of("regions.csv", 4, "150821,五原县,district,150800", "regions.csv:4: level \"district\" is not one of region, city, county, township, village, community"),
                Arguments.of("regions.csv", 4, "150821,五原县,county,", "regions.csv:4: parent_code is empty (only a region has no parent)"),
                Arguments.of("regions.csv", 2, "150000,内蒙古自治区,region,150800", "regions.csv:2: a region has no parent_code, but this one has \"150800\""),
                Arguments.of("regions.csv", 4, "150821,五原县,county,150900", "regions.csv:4: parent_code \"150900\" is not in regions.csv"),
                Arguments.of("regions.csv", 4, "150821,五原县,county,150000", "regions.csv:4: parent \"150000\" is a region, but the parent of a county must be a city"),
                Arguments.of("regions.csv", 11, "150821100201,胜丰村,village,150821100", "regions.csv:11: duplicate code \"150821100201\" (first on line 10)"),
                Arguments.of("precincts.csv", 3, "150802000002,五原县公安局隆兴昌派出所,150821,true", "precincts.csv:3: the first 6 digits of precinct_code \"150802000002\" are not its county_code \"150821\""),
                Arguments.of("precincts.csv", 3, "15082100001,五原县公安局隆兴昌派出所,150821,true", "precincts.csv:3: precinct_code \"15082100001\" is not 12 digits"),
                Arguments.of("precincts.csv", 3, "150800000001,五原县公安局隆兴昌派出所,150800,true", "precincts.csv:3: county_code \"150800\" is not a county in regions.csv"),
                Arguments.of("precincts.csv", 3, "150821000001,五原县公安局隆兴昌派出所,150821,yes", "precincts.csv:3: active \"yes\" is not one of true, false"),
                Arguments.of("precincts.csv", 4, "150821000001,五原县公安局胜丰派出所,150821,false", "precincts.csv:4: duplicate precinct_code \"150821000001\" (first on line 3)"),
                Arguments.of("jurisdiction.csv", 5, "150821000001,150821100201", "jurisdiction.csv:5: unit \"150821100201\" already belongs to a precinct (line 4)"),
                Arguments.of("jurisdiction.csv", 5, "150821000009,150821100202", "jurisdiction.csv:5: precinct_code \"150821000009\" is not in precincts.csv"),
                Arguments.of("jurisdiction.csv", 5, "150821000002,150821100", "jurisdiction.csv:5: unit_code \"150821100\" is not a village or community in regions.csv"),
                Arguments.of("jurisdiction.csv", 5, "150821000002,150821100201", "regions.csv:11: village \"150821100202\" belongs to no precinct in jurisdiction.csv"),
                Arguments.of("enterprises.csv", 2, "91150802MA0N12340D,巴彦淖尔市新华商贸有限公司,150802001001,true", "enterprises.csv:2: credit_code \"91150802MA0N12340D\" fails the GB 32100-2015 check character"),
                Arguments.of("enterprises.csv", 3, "91150802MA0N12340C,五原县永联农牧业有限公司,150821100201,true", "enterprises.csv:3: duplicate credit_code \"91150802MA0N12340C\" (first on line 2)"),
                Arguments.of("enterprises.csv", 3, "91150821MA0Q56780Q,五原县永联农牧业有限公司,150821100999,true", "enterprises.csv:3: unit_code \"150821100999\" is not a village or community in regions.csv"),
                Arguments.of("enterprises.csv", 3, "91150821MA0Q56780Q,五原县永联农牧业有限公司,150821100201,是", "enterprises.csv:3: key \"是\" is not one of true, false"),
                Arguments.of("venues.csv", 3, "V150802001001,胜丰网吧,internet_cafe,150821100202", "venues.csv:3: duplicate venue_id \"V150802001001\" (first on line 2)"),
                Arguments.of("venues.csv", 3, "V150821100202,胜丰网吧,bar,150821100202", "venues.csv:3: venue_type \"bar\" is not one of rental_housing, entertainment, hotel, internet_cafe, other"),
                Arguments.of("venues.csv", 3, "V150821100202,胜丰网吧,internet_cafe,150821100", "venues.csv:3: unit_code \"150821100\" is not a village or community in regions.csv"),
                Arguments.of("venues.csv", 3, "V150821100202,胜丰网吧,internet_cafe", "venues.csv:3: wrong number of fields (expected 4, found 3)"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("brokenRules")
    void aRegistryLineThatBreaksARuleFailsTheLoadNamingFileLineAndRule(String file, int line, String replacement,
                                                                      String expected) throws IOException {
        // given the good registry with one line broken
        Path registryDir = copyOfGoodRegistry();
        replaceLine(registryDir.resolve(file), line, replacement);

        // when it is loaded, then the load fails and lists that line and rule
        assertThatThrownBy(() -> registry.load(registryDir, System.out))
                .isInstanceOf(RegistryRejectedException.class)
                .satisfies(e -> assertThat(((RegistryRejectedException) e).violations()).contains(expected));
    }

    @Test
    void everyOffendingLineIsListedNotOnlyTheFirst() throws IOException {
        // given two broken lines in two files
        Path registryDir = copyOfGoodRegistry();
        replaceLine(registryDir.resolve("precincts.csv"), 2, "150802000001,临河区公安分局车站派出所,150802,maybe");
        replaceLine(registryDir.resolve("venues.csv"), 3, "V150821100202,胜丰网吧,casino,150821100202");

        // when loaded, then both are reported
        assertThatThrownBy(() -> registry.load(registryDir, System.out))
                .isInstanceOf(RegistryRejectedException.class)
                .satisfies(e -> assertThat(((RegistryRejectedException) e).violations()).containsExactly(
                        "precincts.csv:2: active \"maybe\" is not one of true, false",
                        "venues.csv:3: venue_type \"casino\" is not one of rental_housing, entertainment, hotel, internet_cafe, other"));
    }

    @Test
    void aFailedLoadLeavesThePreviousRegistryInForce() throws IOException {
        // given a good registry in force
        registry.load(copyOfGoodRegistry(), System.out);
        long versionsBefore = versions();
        List<Map<String, Object>> precinctsBefore = jdbc.queryForList("select * from registry.precinct order by 1");

        // when a registry with one bad line and otherwise different content is loaded
        Path broken = copyOfGoodRegistry();
        replaceLine(broken.resolve("precincts.csv"), 4, "150821000002,五原县公安局胜丰派出所,150821,true");
        replaceLine(broken.resolve("venues.csv"), 3, "V150821100202,胜丰网吧,casino,150821100202");
        assertThatThrownBy(() -> registry.load(broken, System.out)).isInstanceOf(RegistryRejectedException.class);

        // then nothing changed: same version count, same precincts
        assertThat(versions()).isEqualTo(versionsBefore);
        assertThat(jdbc.queryForList("select * from registry.precinct order by 1")).isEqualTo(precinctsBefore);
    }

    @Test
    void aMissingFolderFailsWithOneLineNamingIt() {
        Path missing = dir.resolve("no-such-registry");
        assertThatThrownBy(() -> registry.load(missing, System.out))
                .isInstanceOf(PipelineFailure.class)
                .hasMessage(missing.toAbsolutePath().normalize() + ": registry folder not found");
    }

    @Test
    void aMissingFileFailsWithOneLineNamingIt() throws IOException {
        Path registryDir = copyOfGoodRegistry();
        Files.delete(registryDir.resolve("venues.csv"));
        assertThatThrownBy(() -> registry.load(registryDir, System.out))
                .isInstanceOf(PipelineFailure.class)
                .hasMessageEndingWith("venues.csv: file not found");
    }

    @Test
    void aWrongHeaderFailsWithOneLineNamingTheMissingColumn() throws IOException {
        Path registryDir = copyOfGoodRegistry();
        replaceLine(registryDir.resolve("precincts.csv"), 1, "precinct_code,name,county,active");
        assertThatThrownBy(() -> registry.load(registryDir, System.out))
                .isInstanceOf(PipelineFailure.class)
                .hasMessageContaining("precincts.csv:1: header lacks column(s) county_code");
    }

    @Test
    void aFileThatIsNotUtf8TextFailsWithOneLineNamingIt() throws IOException {
        Path registryDir = copyOfGoodRegistry();
        Files.write(registryDir.resolve("regions.csv"), new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, (byte) 0xFF, 0x00});
        assertThatThrownBy(() -> registry.load(registryDir, System.out))
                .isInstanceOf(PipelineFailure.class)
                .hasMessageEndingWith("regions.csv: not a UTF-8 CSV file");
    }

    @Test
    void columnsMayComeInAnyOrderWithABomAndCrlf() throws IOException {
        Path registryDir = copyOfGoodRegistry();
        Files.writeString(registryDir.resolve("venues.csv"), "\uFEFFunit_code,venue_type,name,venue_id\r\n"
                + "150802001001,hotel,新华宾馆,V150802001001\r\n", StandardCharsets.UTF_8);
        registry.load(registryDir, System.out);
        assertThat(jdbc.queryForMap("select * from registry.venue"))
                .containsEntry("venue_id", "V150802001001").containsEntry("venue_type", "hotel");
    }

    private long versions() {
        return jdbc.queryForObject("select count(*) from registry.load", Long.class);
    }

    private Path copyOfGoodRegistry() throws IOException {
        Path copy = Files.createTempDirectory(dir, "registry");
        try (Stream<Path> files = Files.list(GOOD_REGISTRY)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static void replaceLine(Path file, int lineNo, String replacement) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        if (lineNo > lines.size()) {
            lines.add(replacement);
        } else {
            lines.set(lineNo - 1, replacement);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
