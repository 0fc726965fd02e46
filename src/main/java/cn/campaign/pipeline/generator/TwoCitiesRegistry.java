package cn.campaign.pipeline.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The demo's registry (contract section 1): the two cities of the campaign report,
 * Bayannur and Tongliao, sized like the report (about 650 villages and communities, 3,400
 * key enterprises), so the pipeline can be demonstrated without the data office's files.
 * The region, cities and counties are real; everything below them is invented, with names
 * as the region has them ({@link PlaceNames}). The tree is held in memory (a few hundred
 * units) and drawn from one seed: the same seed always gives the same bytes.
 */
public final class TwoCitiesRegistry {

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

    private static final Weighted<EntityKind> ENTITY_KINDS = new Weighted<>(List.of(EntityKind.values()),
            List.of(EntityKind.values()).stream().mapToInt(kind -> kind.weight).toArray());
    private static final Weighted<VenueType> COMMUNITY_VENUES = new Weighted<>(List.of(VenueType.values()),
            List.of(VenueType.values()).stream().mapToInt(type -> type.communityWeight).toArray());
    private static final Weighted<VenueType> VILLAGE_VENUES = new Weighted<>(List.of(VenueType.values()),
            List.of(VenueType.values()).stream().mapToInt(type -> type.villageWeight).toArray());

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

    private TwoCitiesRegistry(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Writes regions.csv, precincts.csv, jurisdiction.csv, enterprises.csv and venues.csv into {@code dir}. */
    public static Counts write(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        TwoCitiesRegistry registry = new TwoCitiesRegistry(seed);
        List<County> counties = new ArrayList<>();
        for (CitySpec city : CITIES) {
            for (CountySpec county : city.counties()) {
                counties.add(registry.county(city, county));
            }
        }
        int regions = writeRegions(dir, counties);
        int precincts = writePrecincts(dir, counties);
        int units = writeJurisdiction(dir, counties);
        EnterpriseCounts enterprises = registry.writeEnterprises(dir, counties);
        int venues = registry.writeVenues(dir, counties);
        return new Counts(regions, precincts, units, enterprises.all(), enterprises.key(), venues);
    }

    // ---- the administrative tree and the precincts

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
            String code = Codes.townshipCode(spec.code(), kind.firstSequence + nextSequence[kind.ordinal()]++);
            String stem = unique(takenStems, kind == TownshipKind.SUMU
                    ? () -> PlaceNames.mongolianStem(random) : () -> PlaceNames.hanStem(random));
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
            units.add(new Unit(Codes.unitCode(townshipCode, 1 + i),
                    unique(takenNames, () -> PlaceNames.hanStem(random) + "社区"), true));
        }
        for (int i = 0; i < villages; i++) {
            Supplier<String> name = kind == TownshipKind.SUMU
                    ? () -> PlaceNames.mongolianStem(random) + "嘎查" : () -> PlaceNames.hanStem(random) + "村";
            units.add(new Unit(Codes.unitCode(townshipCode, 200 + i), unique(takenNames, name), false));
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
            precincts.add(new Precinct(Codes.precinctCode(county.code(), i + 1),
                    bureau + covered.get(0).stem() + "派出所", active, covered));
        }
        return precincts;
    }

    // ---- the five files

    private static int writeRegions(Path dir, List<County> counties) throws IOException {
        try (RegistryFile.Writer out = RegistryFile.REGIONS.create(dir)) {
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

    private static int writePrecincts(Path dir, List<County> counties) throws IOException {
        try (RegistryFile.Writer out = RegistryFile.PRECINCTS.create(dir)) {
            for (County county : counties) {
                for (Precinct precinct : county.precincts()) {
                    out.row(precinct.code(), precinct.name(), county.code(), String.valueOf(precinct.active()));
                }
            }
            return out.rows();
        }
    }

    private static int writeJurisdiction(Path dir, List<County> counties) throws IOException {
        try (RegistryFile.Writer out = RegistryFile.JURISDICTION.create(dir)) {
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

    private EnterpriseCounts writeEnterprises(Path dir, List<County> counties) throws IOException {
        Set<String> takenCodes = new HashSet<>();
        Set<String> takenNames = new HashSet<>();
        int keyRows = 0;
        try (RegistryFile.Writer out = RegistryFile.ENTERPRISES.create(dir)) {
            for (County county : counties) {
                for (Township township : county.townships()) {
                    for (Unit unit : township.units()) {
                        int count = unit.community() ? between(12, 18) : between(2, 5);
                        for (int i = 0; i < count; i++) {
                            EntityKind kind;
                            String name;
                            do {
                                kind = ENTITY_KINDS.draw(random);
                                name = PlaceNames.enterpriseName(kind, county.cityName(), county.name(), township.name(),
                                        random);
                            } while (!takenNames.add(name));
                            String prefix = kind.codePrefix;
                            String creditCode = unique(takenCodes,
                                    () -> Codes.creditCode(prefix, county.code(), Codes.drawnSymbols(random, 9)));
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

    private int writeVenues(Path dir, List<County> counties) throws IOException {
        try (RegistryFile.Writer out = RegistryFile.VENUES.create(dir)) {
            for (County county : counties) {
                for (Township township : county.townships()) {
                    for (Unit unit : township.units()) {
                        int count = unit.community() ? between(4, 10) : between(1, 3);
                        Set<String> takenNames = new HashSet<>();
                        for (int i = 0; i < count; i++) {
                            VenueType type = (unit.community() ? COMMUNITY_VENUES : VILLAGE_VENUES).draw(random);
                            String name = unique(takenNames, () -> venueName(type, unit));
                            out.row(Codes.venueId(unit.code(), i + 1), name, type.code, unit.code());
                        }
                    }
                }
            }
            return out.rows();
        }
    }

    private String venueName(VenueType type, Unit unit) {
        if (type == VenueType.RENTAL_HOUSING) {
            return unit.name() + between(1, 60) + (unit.community() ? "号楼出租房" : "组出租房");
        }
        return PlaceNames.tradeName(random) + Draws.pick(random, type.businessSuffixes);
    }

    /** Draws until the value is not yet taken, then takes it; every caller's space is far larger than its draws. */
    private static String unique(Set<String> taken, Supplier<String> draw) {
        String value;
        do {
            value = draw.get();
        } while (!taken.add(value));
        return value;
    }

    private int between(int min, int max) {
        return Draws.between(random, min, max);
    }

    private static <T> void addTimes(List<T> list, T value, int times) {
        for (int i = 0; i < times; i++) {
            list.add(value);
        }
    }
}
