package cn.campaign.pipeline.generator;

import static cn.campaign.pipeline.generator.Draws.mix;

import cn.campaign.pipeline.contract.SubmissionKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The national setting's disputes and hazards, with no state: a precinct opens 15 to 25
 * cases and finds 13 to 23 hazards a day, each drawn from its own seed (precinct, date,
 * number), so the snapshots due on a day are those of the cases opened up to
 * {@value #DISPUTE_LOOKBACK_DAYS} (hazards {@value #HAZARD_LOOKBACK_DAYS}) days before whose
 * schedule has an event that day. A day's files do not depend on which days were written
 * before, and consecutive days are consistent: a case's snapshots on different days are
 * those of the same case, opened once and settled once. The campaign's first day also
 * reports every case and hazard opened before it and still unsettled (reported on the
 * campaign start, as the contract's date rule requires), so that no case first turns up
 * days later with a reported date weeks back, which would make every later night recompute
 * its metrics from the campaign start.
 */
final class NationalCases {

    static final int DISPUTE_LOOKBACK_DAYS = 14;
    static final int HAZARD_LOOKBACK_DAYS = 30;
    /** Half the cases are settled on the day they are found, one in seven takes a week or two. */
    private static final int[] SETTLE_WEIGHTS = {50, 35, 15};

    /**
     * One case: it opens (open or mediating), may move to mediating ({@code mediatingAfter}
     * days after opening, -1 if not), and is resolved (98%) or referred on its settle day, 0
     * to 14 days after opening.
     */
    private record DisputeCase(int settleAfter, boolean opensMediating, int mediatingAfter, boolean referred,
                               boolean escalated, String type, String unit, String mechanism) {
    }

    /** One hazard: open when found, rectified {@code rectifiedAfter} days later (1 to 30). */
    private record HazardCase(int rectifiedAfter, String category, String unit) {
    }

    private final NationalRegistry registry;
    private final LocalDate campaignStart;
    private final long seed;

    NationalCases(NationalRegistry registry, LocalDate campaignStart, long seed) {
        this.registry = registry;
        this.campaignStart = campaignStart;
        this.seed = seed;
    }

    /** Cases a precinct opens on a day: 15 to 25. */
    int disputesOpened(int precinct, LocalDate opened) {
        return 15 + Math.floorMod(mix(seed, precinct, opened.toEpochDay(), 10), 11);
    }

    /** Hazards a precinct finds on a day: 13 to 23. */
    int hazardsFound(int precinct, LocalDate found) {
        return 13 + Math.floorMod(mix(seed, precinct, found.toEpochDay(), 11), 11);
    }

    /**
     * What the days from the campaign start to {@code through}, all written, hold of one
     * precinct's cases and hazards: computed from the same draws as the files.
     */
    NationalDay.Ledger ledger(int precinct, LocalDate through) {
        long disputesFound = 0;
        long disputesResolved = 0;
        long reportedThatDay = 0;
        for (LocalDate opened = campaignStart.minusDays(DISPUTE_LOOKBACK_DAYS); !opened.isAfter(through);
             opened = opened.plusDays(1)) {
            for (int item = 0; item < disputesOpened(precinct, opened); item++) {
                DisputeCase dispute = disputeCase(precinct, opened, item);
                LocalDate settled = opened.plusDays(dispute.settleAfter());
                // opened in the campaign, or before it and still unsettled on its first day (the inventory)
                if (!opened.isBefore(campaignStart) || !settled.isBefore(campaignStart)) {
                    disputesFound++;
                    disputesResolved += !dispute.referred() && !settled.isAfter(through) ? 1 : 0;
                    reportedThatDay += notBeforeStart(opened).equals(through) ? 1 : 0;
                }
            }
        }
        long hazardsFound = 0;
        long hazardsRectified = 0;
        for (LocalDate found = campaignStart.minusDays(HAZARD_LOOKBACK_DAYS); !found.isAfter(through);
             found = found.plusDays(1)) {
            for (int item = 0; item < hazardsFound(precinct, found); item++) {
                LocalDate rectified = found.plusDays(hazardCase(precinct, found, item).rectifiedAfter());
                if (!found.isBefore(campaignStart) || !rectified.isBefore(campaignStart)) {
                    hazardsFound++;
                    hazardsRectified += !rectified.isAfter(through) ? 1 : 0;
                }
            }
        }
        return new NationalDay.Ledger(disputesFound, disputesResolved, reportedThatDay, hazardsFound, hazardsRectified);
    }

    private DisputeCase disputeCase(int precinct, LocalDate opened, int item) {
        SplittableRandom schedule = new SplittableRandom(mix(seed, precinct, opened.toEpochDay(), item, 12));
        int settleAfter = SubmissionDraws.daysToSettle(schedule, SETTLE_WEIGHTS);
        boolean opensMediating = SubmissionDraws.opensMediating(schedule);
        int mediatingAfter = !opensMediating && settleAfter >= 2 ? SubmissionDraws.daysToMediating(settleAfter, schedule) : -1;
        boolean referred = SubmissionDraws.referred(schedule);
        boolean escalated = SubmissionDraws.escalated(referred, schedule);
        String type = Draws.pick(schedule, SubmissionKind.DISPUTES.column("dispute_type").values());
        String unit = registry.unitCode(precinct, schedule.nextInt(registry.unitCount(precinct)));
        String mechanism = Draws.pick(schedule, SubmissionKind.DISPUTES.column("mechanism").values());
        return new DisputeCase(settleAfter, opensMediating, mediatingAfter, referred, escalated, type, unit, mechanism);
    }

    /**
     * The snapshots of one case due {@code back} days after it was opened. On the campaign's
     * first day, a case opened before it and not yet settled is reported as it stands (its
     * "inventory" snapshot), so that it is found on the first night and its later snapshots
     * only change its status, as they do for every case opened since.
     */
    List<String[]> disputeSnapshots(int precinct, LocalDate opened, int item, int back, LocalDate day) {
        DisputeCase c = disputeCase(precinct, opened, item);
        String caseId = SubmissionRows.caseId(opened, item + 1, 3);
        // a case opened before the campaign was found at its start
        LocalDate reported = notBeforeStart(opened);
        List<String[]> snapshots = new ArrayList<>(2);
        if (back == 0) {
            snapshots.add(SubmissionRows.dispute(caseId, reported, c.type(), c.unit(),
                    c.opensMediating() ? "mediating" : "open", day, "", false, ""));
        }
        if (back == c.mediatingAfter()) {
            snapshots.add(SubmissionRows.dispute(caseId, reported, c.type(), c.unit(), "mediating", day, "", false, "调解中"));
        }
        if (back == c.settleAfter()) {
            snapshots.add(c.referred()
                    ? SubmissionRows.dispute(caseId, reported, c.type(), c.unit(), "referred", day, "", c.escalated(), "已移交")
                    : SubmissionRows.dispute(caseId, reported, c.type(), c.unit(), "resolved", day, c.mechanism(), false, ""));
        }
        if (snapshots.isEmpty() && back > 0 && day.equals(campaignStart) && back < c.settleAfter()) {
            boolean mediating = c.opensMediating() || c.mediatingAfter() >= 0 && c.mediatingAfter() < back;
            snapshots.add(SubmissionRows.dispute(caseId, reported, c.type(), c.unit(), mediating ? "mediating" : "open",
                    day, "", false, ""));
        }
        return snapshots;
    }

    private HazardCase hazardCase(int precinct, LocalDate found, int item) {
        SplittableRandom hazard = new SplittableRandom(mix(seed, precinct, found.toEpochDay(), item, 13));
        int rectifiedAfter = SubmissionDraws.daysToRectify(hazard);
        String category = Draws.pick(hazard, SubmissionKind.HAZARDS.column("category").values());
        String unit = registry.unitCode(precinct, hazard.nextInt(registry.unitCount(precinct)));
        return new HazardCase(rectifiedAfter, category, unit);
    }

    /**
     * The snapshot of one hazard due {@code back} days after it was found, or null: open when
     * found, rectified on its day. On the campaign's first day, a hazard found before it and
     * not yet rectified is reported open, like the cases ({@link #disputeSnapshots}).
     */
    String[] hazardSnapshot(int precinct, LocalDate found, int item, int back, LocalDate day) {
        HazardCase h = hazardCase(precinct, found, item);
        boolean inventory = back > 0 && day.equals(campaignStart) && back < h.rectifiedAfter();
        if (back != 0 && back != h.rectifiedAfter() && !inventory) {
            return null;
        }
        return SubmissionRows.hazard(SubmissionRows.hazardId(found, item + 1, 3), notBeforeStart(found), h.category(),
                h.unit(), back == h.rectifiedAfter() ? "rectified" : "open", day);
    }

    private LocalDate notBeforeStart(LocalDate date) {
        return date.isBefore(campaignStart) ? campaignStart : date;
    }
}
