package cn.campaign.pipeline.demo;

import cn.campaign.pipeline.contract.CreditCodes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Writes a synthetic registry (contract section 1) for the two cities of the campaign
 * report, Bayannur and Tongliao, sized like the report (about 650 villages and
 * communities, 3,400 key enterprises), so the pipeline can be demonstrated and load-tested
 * without the data office's files. The region, cities and counties are real; everything
 * below them is invented. The same seed always gives the same bytes.
 */
public final class SampleRegistry {

    /** What {@link #write} produced; {@code regions} counts every row of regions.csv, whatever its level. */
    public record Counts(int regions, int precincts, int units, int enterprises, int keyEnterprises, int venues) {
    }

    private record CountySpec(String code, String name) {
    }

    private record CitySpec(String code, String name, List<CountySpec> counties) {
    }

    private static final String REGION_CODE = "150000";
    private static final String REGION_NAME = "内蒙古自治区";

    private static final List<CitySpec> CITIES = List.of(
            new CitySpec("150800", "巴彦淖尔市", List.of(
                    new CountySpec("150802", "临河区"), new CountySpec("150821", "五原县"),
                    new CountySpec("150822", "磴口县"), new CountySpec("150823", "乌拉特前旗"),
                    new CountySpec("150824", "乌拉特中旗"), new CountySpec("150825", "乌拉特后旗"),
                    new CountySpec("150826", "杭锦后旗"))),
            new CitySpec("150500", "通辽市", List.of(
                    new CountySpec("150502", "科尔沁区"), new CountySpec("150521", "科尔沁左翼中旗"),
                    new CountySpec("150522", "科尔沁左翼后旗"), new CountySpec("150523", "开鲁县"),
                    new CountySpec("150524", "库伦旗"), new CountySpec("150525", "奈曼旗"),
                    new CountySpec("150526", "扎鲁特旗"), new CountySpec("150581", "霍林郭勒市"))));

    /** The city seats: mostly subdistricts and communities rather than villages. */
    private static final Set<String> URBAN_COUNTIES = Set.of("150802", "150502", "150581");

    private static final List<String> HAN_FIRST = List.of(
            "新", "红", "胜", "永", "丰", "太", "东", "西", "南", "北", "和", "兴", "民", "富", "建",
            "团", "光", "长", "双", "保", "五", "三", "联", "万", "合", "德", "复", "庆", "隆", "福");
    private static final List<String> HAN_SECOND = List.of(
            "华", "利", "丰", "安", "兴", "胜", "明", "光", "和", "平", "合", "庄", "星", "泉", "林",
            "盛", "义", "强", "乐", "河", "荣", "成", "顺", "发", "新", "源", "园", "阳", "富", "康");
    private static final List<String> MONGOLIAN_FIRST = List.of(
            "巴彦", "乌兰", "查干", "哈日", "额尔敦", "阿拉坦", "伊和", "呼和", "那仁", "白音",
            "宝日", "希日", "乌力吉", "达拉", "图门", "锡林");
    private static final List<String> MONGOLIAN_SECOND = List.of(
            "塔拉", "浩特", "宝力格", "淖尔", "哈达", "敖包", "高勒", "乌苏", "布拉格", "套海",
            "花", "温都尔", "胡舒", "芒哈");
    private static final List<String> TRADE_FIRST = List.of(
            "宏", "鑫", "金", "丰", "瑞", "恒", "兴", "华", "利", "天", "盛", "嘉", "远", "同", "绿",
            "富", "聚", "德", "广", "隆", "昊", "蒙", "泰", "润", "佳", "旺", "永", "国", "新", "锦");
    private static final List<String> TRADE_SECOND = List.of(
            "达", "源", "穗", "泽", "信", "盛", "泰", "民", "润", "世", "禾", "航", "创", "野", "邦",
            "鑫", "胜", "益", "昌", "祥", "丰", "辉", "通", "业", "安", "康", "茂", "坤", "远", "晟");

    private static final List<String> INDUSTRIES = List.of(
            "农牧业", "商贸", "建筑工程", "物流", "农业科技", "食品", "乳业", "肉业", "新能源", "矿业",
            "机械制造", "化工", "房地产开发", "物业服务", "种业", "饲料", "运输", "餐饮管理", "酒店管理", "建材");
    private static final List<String> SHOPS = List.of(
            "农资门市部", "便利店", "饭店", "汽车修理部", "建材商店", "五金店", "粮油店", "养殖场");
    private static final List<String> FARMING = List.of(
            "种植", "养殖", "葵花种植", "肉羊养殖", "肉牛养殖", "玉米种植", "农机服务", "蔬菜种植");
    private static final List<String> NON_PROFITS = List.of("幼儿园", "职业技能培训学校", "养老院");
    private static final List<String> PUBLIC_INSTITUTIONS = List.of(
            "综合文化站", "便民服务中心", "退役军人服务站", "社会治安综合治理中心");

    /** Township kinds, with the first sequence of their 3-digit block in the national scheme. */
    private enum TownshipKind {
        SUBDISTRICT("街道", 1), TOWN("镇", 100), SUMU("苏木", 200), XIANG("乡", 200);

        final String suffix;
        final int firstSequence;

        TownshipKind(String suffix, int firstSequence) {
            this.suffix = suffix;
            this.firstSequence = firstSequence;
        }
    }

    /** Registration authority and entity type: the first two characters of a credit code. */
    private enum EntityKind {
        COMPANY("91", 70), SOLE_TRADER("92", 12), COOPERATIVE("93", 12),
        PRIVATE_NON_ENTERPRISE("52", 3), PUBLIC_INSTITUTION("12", 3);

        final String codePrefix;
        final int weight;

        EntityKind(String codePrefix, int weight) {
            this.codePrefix = codePrefix;
            this.weight = weight;
        }
    }

    private enum VenueType {
        RENTAL_HOUSING("rental_housing", 45, 60, List.of()),
        HOTEL("hotel", 15, 5, List.of("宾馆", "快捷酒店", "旅馆", "大酒店")),
        INTERNET_CAFE("internet_cafe", 10, 5, List.of("网吧", "网咖", "电竞馆")),
        ENTERTAINMENT("entertainment", 15, 5, List.of("KTV", "歌舞厅", "台球厅", "洗浴中心", "棋牌室")),
        OTHER("other", 15, 25, List.of("废品收购站", "开锁店", "二手手机店", "汽车修理厂", "寄递服务点"));

        final String code;
        final int communityWeight;
        final int villageWeight;
        final List<String> businessSuffixes;

        VenueType(String code, int communityWeight, int villageWeight, List<String> businessSuffixes) {
            this.code = code;
            this.communityWeight = communityWeight;
            this.villageWeight = villageWeight;
            this.businessSuffixes = businessSuffixes;
        }
    }

    private record Unit(String code, String name, boolean community) {
    }

    private record Township(String code, String name, String stem, List<Unit> units) {
    }

    private record Precinct(String code, String name, boolean active, List<Township> townships) {
    }

    private record County(String code, String name, String cityCode, String cityName,
                          List<Township> townships, List<Precinct> precincts) {
    }

    private record EnterpriseCounts(int all, int key) {
    }

    private final SplittableRandom random;

    private SampleRegistry(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Writes regions.csv, precincts.csv, jurisdiction.csv, enterprises.csv and venues.csv into {@code dir}. */
    public static Counts write(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        SampleRegistry sample = new SampleRegistry(seed);
        List<County> counties = new ArrayList<>();
        for (CitySpec city : CITIES) {
            for (CountySpec county : city.counties()) {
                counties.add(sample.county(city, county));
            }
        }
        int regions = writeRegions(dir.resolve("regions.csv"), counties);
        int precincts = writePrecincts(dir.resolve("precincts.csv"), counties);
        int units = writeJurisdiction(dir.resolve("jurisdiction.csv"), counties);
        EnterpriseCounts enterprises = sample.writeEnterprises(dir.resolve("enterprises.csv"), counties);
        int venues = sample.writeVenues(dir.resolve("venues.csv"), counties);
        return new Counts(regions, precincts, units, enterprises.all(), enterprises.key(), venues);
    }

    // ---- the administrative tree and the precincts, kept in memory (a few hundred units)

    private County county(CitySpec city, CountySpec spec) {
        boolean urban = URBAN_COUNTIES.contains(spec.code());
        TownshipKind countryside = spec.name().endsWith("旗") ? TownshipKind.SUMU : TownshipKind.XIANG;
        List<TownshipKind> kinds = new ArrayList<>();
        if (urban) {
            addTimes(kinds, TownshipKind.SUBDISTRICT, between(3, 4));
            addTimes(kinds, TownshipKind.TOWN, between(1, 2));
        } else {
            addTimes(kinds, TownshipKind.TOWN, between(2, 4));
            addTimes(kinds, countryside, between(1, 2));
        }

        Set<String> takenStems = new HashSet<>();
        int[] nextSequence = new int[TownshipKind.values().length];
        List<Township> townships = new ArrayList<>();
        for (TownshipKind kind : kinds) {
            String code = spec.code() + "%03d".formatted(kind.firstSequence + nextSequence[kind.ordinal()]++);
            String stem = unique(takenStems, kind == TownshipKind.SUMU ? this::mongolianStem : this::hanStem);
            townships.add(new Township(code, stem + kind.suffix, stem, units(code, kind, urban)));
        }
        int precinctCount = Math.min(urban ? between(4, 5) : between(2, 4), townships.size());
        return new County(spec.code(), spec.name(), city.code(), city.name(), townships,
                precincts(spec, townships, precinctCount));
    }

    private List<Unit> units(String townshipCode, TownshipKind kind, boolean urban) {
        int communities = switch (kind) {
            case SUBDISTRICT -> between(6, 10);
            case TOWN -> urban ? between(2, 4) : between(1, 2);
            case SUMU, XIANG -> 0;
        };
        int villages = switch (kind) {
            case SUBDISTRICT -> 0;
            case TOWN -> urban ? between(3, 6) : between(7, 12);
            case SUMU, XIANG -> between(6, 11);
        };
        Set<String> takenNames = new HashSet<>();
        List<Unit> units = new ArrayList<>();
        // National scheme: 001-199 residents' committees (社区), 200-399 villagers' committees (嘎查村).
        for (int i = 0; i < communities; i++) {
            units.add(new Unit(townshipCode + "%03d".formatted(1 + i), unique(takenNames, () -> hanStem() + "社区"), true));
        }
        for (int i = 0; i < villages; i++) {
            Supplier<String> name = kind == TownshipKind.SUMU ? () -> mongolianStem() + "嘎查" : () -> hanStem() + "村";
            units.add(new Unit(townshipCode + "%03d".formatted(200 + i), unique(takenNames, name), false));
        }
        return units;
    }

    /** Splits the county's townships into contiguous runs, one per precinct, named after its first township. */
    private List<Precinct> precincts(CountySpec county, List<Township> townships, int count) {
        String bureau = county.name() + (county.name().endsWith("区") ? "公安分局" : "公安局");
        List<Precinct> precincts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Township> covered = townships.subList(i * townships.size() / count, (i + 1) * townships.size() / count);
            boolean active = random.nextInt(25) != 0;
            precincts.add(new Precinct(county.code() + "000" + "%03d".formatted(i + 1),
                    bureau + covered.get(0).stem() + "派出所", active, covered));
        }
        return precincts;
    }

    // ---- the five files

    private static int writeRegions(Path file, List<County> counties) throws IOException {
        try (CsvOut out = new CsvOut(file, "code", "name", "level", "parent_code")) {
            out.row(REGION_CODE, REGION_NAME, "region", "");
            String currentCity = "";
            for (County county : counties) {
                if (!county.cityCode().equals(currentCity)) {
                    currentCity = county.cityCode();
                    out.row(county.cityCode(), county.cityName(), "city", REGION_CODE);
                }
                out.row(county.code(), county.name(), "county", county.cityCode());
                for (Township township : county.townships()) {
                    out.row(township.code(), township.name(), "township", county.code());
                    for (Unit unit : township.units()) {
                        out.row(unit.code(), unit.name(), unit.community() ? "community" : "village", township.code());
                    }
                }
            }
            return out.rows();
        }
    }

    private static int writePrecincts(Path file, List<County> counties) throws IOException {
        try (CsvOut out = new CsvOut(file, "precinct_code", "name", "county_code", "active")) {
            for (County county : counties) {
                for (Precinct precinct : county.precincts()) {
                    out.row(precinct.code(), precinct.name(), county.code(), String.valueOf(precinct.active()));
                }
            }
            return out.rows();
        }
    }

    private static int writeJurisdiction(Path file, List<County> counties) throws IOException {
        try (CsvOut out = new CsvOut(file, "precinct_code", "unit_code")) {
            for (County county : counties) {
                for (Precinct precinct : county.precincts()) {
                    for (Township township : precinct.townships()) {
                        for (Unit unit : township.units()) {
                            out.row(precinct.code(), unit.code());
                        }
                    }
                }
            }
            return out.rows();
        }
    }

    private EnterpriseCounts writeEnterprises(Path file, List<County> counties) throws IOException {
        Set<String> takenCodes = new HashSet<>();
        Set<String> takenNames = new HashSet<>();
        int keyRows = 0;
        try (CsvOut out = new CsvOut(file, "credit_code", "name", "unit_code", "key")) {
            for (County county : counties) {
                for (Township township : county.townships()) {
                    for (Unit unit : township.units()) {
                        int count = unit.community() ? between(12, 18) : between(2, 5);
                        for (int i = 0; i < count; i++) {
                            EntityKind kind;
                            String name;
                            do {
                                kind = entityKind();
                                name = enterpriseName(kind, county, township);
                            } while (!takenNames.add(name));
                            String creditCode = unique(takenCodes, creditCode(kind, county.code()));
                            boolean key = random.nextInt(100) < 85;
                            out.row(creditCode, name, unit.code(), String.valueOf(key));
                            keyRows += key ? 1 : 0;
                        }
                    }
                }
            }
            return new EnterpriseCounts(out.rows(), keyRows);
        }
    }

    private int writeVenues(Path file, List<County> counties) throws IOException {
        try (CsvOut out = new CsvOut(file, "venue_id", "name", "venue_type", "unit_code")) {
            for (County county : counties) {
                for (Township township : county.townships()) {
                    for (Unit unit : township.units()) {
                        int count = unit.community() ? between(4, 10) : between(1, 3);
                        Set<String> takenNames = new HashSet<>();
                        for (int i = 0; i < count; i++) {
                            VenueType type = venueType(unit.community());
                            String name = unique(takenNames, () -> venueName(type, unit));
                            out.row("V" + unit.code() + "%02d".formatted(i + 1), name, type.code, unit.code());
                        }
                    }
                }
            }
            return out.rows();
        }
    }

    // ---- names and codes

    private EntityKind entityKind() {
        int total = 0;
        for (EntityKind kind : EntityKind.values()) {
            total += kind.weight;
        }
        int draw = random.nextInt(total);
        for (EntityKind kind : EntityKind.values()) {
            draw -= kind.weight;
            if (draw < 0) {
                return kind;
            }
        }
        throw new AssertionError("weights exhausted");
    }

    private String enterpriseName(EntityKind kind, County county, Township township) {
        return switch (kind) {
            case COMPANY -> (random.nextBoolean() ? county.cityName() : county.name()) + tradeName()
                    + pick(INDUSTRIES) + (random.nextBoolean() ? "有限公司" : "有限责任公司");
            case SOLE_TRADER -> county.name() + tradeName() + pick(SHOPS);
            case COOPERATIVE -> county.name() + tradeName() + pick(FARMING) + "农民专业合作社";
            case PRIVATE_NON_ENTERPRISE -> county.name() + tradeName() + pick(NON_PROFITS);
            case PUBLIC_INSTITUTION -> county.name() + township.name() + pick(PUBLIC_INSTITUTIONS);
        };
    }

    /** Kind prefix, the county as registering authority's division, a random 9-character organisation code. */
    private Supplier<String> creditCode(EntityKind kind, String countyCode) {
        return () -> {
            StringBuilder body = new StringBuilder(kind.codePrefix).append(countyCode);
            for (int i = 0; i < 9; i++) {
                body.append(CreditCodes.ALPHABET.charAt(random.nextInt(CreditCodes.ALPHABET.length())));
            }
            return CreditCodes.withCheckCharacter(body.toString());
        };
    }

    private VenueType venueType(boolean community) {
        int total = 0;
        for (VenueType type : VenueType.values()) {
            total += community ? type.communityWeight : type.villageWeight;
        }
        int draw = random.nextInt(total);
        for (VenueType type : VenueType.values()) {
            draw -= community ? type.communityWeight : type.villageWeight;
            if (draw < 0) {
                return type;
            }
        }
        throw new AssertionError("weights exhausted");
    }

    private String venueName(VenueType type, Unit unit) {
        if (type == VenueType.RENTAL_HOUSING) {
            return unit.name() + between(1, 60) + (unit.community() ? "号楼出租房" : "组出租房");
        }
        return tradeName() + pick(type.businessSuffixes);
    }

    private String hanStem() {
        return pick(HAN_FIRST) + pick(HAN_SECOND);
    }

    private String mongolianStem() {
        return pick(MONGOLIAN_FIRST) + pick(MONGOLIAN_SECOND);
    }

    private String tradeName() {
        return pick(TRADE_FIRST) + pick(TRADE_SECOND);
    }

    /** Draws until the value is not yet taken, then takes it; every caller's space is far larger than its draws. */
    private static String unique(Set<String> taken, Supplier<String> draw) {
        String value;
        do {
            value = draw.get();
        } while (!taken.add(value));
        return value;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    private static <T> void addTimes(List<T> list, T value, int times) {
        for (int i = 0; i < times; i++) {
            list.add(value);
        }
    }

    /** UTF-8, LF line ends, RFC 4180 quoting only for fields that need it. */
    private static final class CsvOut implements AutoCloseable {
        private final BufferedWriter writer;
        private int rows;

        CsvOut(Path file, String... header) throws IOException {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            write(header);
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
                    writer.write(',');
                }
                writer.write(quoted(fields[i]));
            }
            writer.write('\n');
        }

        private static String quoted(String field) {
            boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                    || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
            return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
