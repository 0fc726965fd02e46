package cn.campaign.pipeline.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One active precinct of the two cities through the campaign: what it can visit and in which
 * order its sweep gets round to it, who visits, how its clerks usually save files, and the
 * case and hazard changes it has yet to report. Its own random draws everything it does,
 * day after day, so precincts do not disturb each other's draws.
 */
final class TwoCitiesPrecinct {

    final String code;
    final String countyCode;
    final SplittableRandom random;
    /** its own units, in the order the campaign gets round to them */
    final List<String> units;
    /** units of the other precincts of the county, visited now and then */
    final List<String> neighbourUnits;
    /** its key enterprises, in the order the campaign gets round to them */
    final List<String> keyEnterprises;
    final List<String> enterprises;
    final List<String> venues;
    final List<String> officers;
    /** days the precinct takes to reach all its units, and all its key enterprises */
    final int unitRampDays;
    final int enterpriseRampDays;
    final Flavour habit;
    private final TreeMap<LocalDate, List<String[]>> pendingDisputes = new TreeMap<>();
    private final TreeMap<LocalDate, List<String[]>> pendingHazards = new TreeMap<>();

    TwoCitiesPrecinct(String code, RegistryContents registry, SplittableRandom random, Set<String> takenOfficerIds,
                      Weighted<Flavour> flavours) {
        this.code = code;
        this.countyCode = registry.countyOfPrecinct().get(code);
        this.random = random;
        List<String> ownUnits = registry.unitsOfPrecinct().get(code);
        this.units = Draws.shuffled(ownUnits, random);
        this.neighbourUnits = new ArrayList<>();
        registry.unitsOfPrecinct().forEach((other, otherUnits) -> {
            if (!other.equals(code) && countyCode.equals(registry.countyOfPrecinct().get(other))) {
                neighbourUnits.addAll(otherUnits);
            }
        });
        this.enterprises = new ArrayList<>();
        this.venues = new ArrayList<>();
        for (String unit : ownUnits) {
            enterprises.addAll(registry.enterprisesOfUnit().getOrDefault(unit, List.of()));
            venues.addAll(registry.venuesOfUnit().getOrDefault(unit, List.of()));
        }
        this.keyEnterprises = Draws.shuffled(enterprises.stream().filter(registry.keyEnterprises()::contains).toList(),
                random);
        this.officers = new ArrayList<>();
        int officerCount = Draws.between(random, 30, 55);
        while (officers.size() < officerCount) {
            String officerId = String.valueOf(random.nextInt(100_000, 1_000_000));
            if (takenOfficerIds.add(officerId)) {
                officers.add(officerId);
            }
        }
        this.unitRampDays = Draws.between(random, 8, 40);
        this.enterpriseRampDays = Draws.between(random, 20, 60);
        this.habit = flavours.draw(random);
    }

    /**
     * A target of the campaign's sweep: the precinct works through {@code order} over
     * {@code rampDays} from the campaign start, mostly at the front of what it has reached,
     * revisiting now and then.
     */
    static String campaignPick(List<String> order, int rampDays, long campaignDay, SplittableRandom random) {
        int reached = (int) Math.max(1, Math.min(order.size(), Math.ceil(order.size() * (double) campaignDay / rampDays)));
        if (reached < order.size() && random.nextInt(10) < 7) {
            return order.get(reached - 1 - random.nextInt(Math.min(reached, 4)));
        }
        return order.get(random.nextInt(reached));
    }

    void scheduleDispute(LocalDate day, String[] snapshot) {
        pendingDisputes.computeIfAbsent(day, d -> new ArrayList<>()).add(snapshot);
    }

    void scheduleHazard(LocalDate day, String[] snapshot) {
        pendingHazards.computeIfAbsent(day, d -> new ArrayList<>()).add(snapshot);
    }

    /** Takes every case snapshot due by {@code day}: that day's changes and those of days the precinct did not report. */
    FileRows dueDisputes(LocalDate day) {
        return due(pendingDisputes, day);
    }

    /** Takes every hazard snapshot due by {@code day}, as {@link #dueDisputes}. */
    FileRows dueHazards(LocalDate day) {
        return due(pendingHazards, day);
    }

    private static FileRows due(TreeMap<LocalDate, List<String[]>> pending, LocalDate day) {
        SortedMap<LocalDate, List<String[]>> due = pending.headMap(day, true);
        List<String[]> snapshots = new ArrayList<>();
        due.values().forEach(snapshots::addAll);
        due.clear();
        return new FileRows(snapshots.size(), snapshots::stream);
    }
}
