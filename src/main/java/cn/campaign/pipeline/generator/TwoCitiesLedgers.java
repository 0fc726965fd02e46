package cn.campaign.pipeline.generator;

import cn.campaign.pipeline.contract.SubmissionKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The two cities' disputes and hazards: ledgers whose every change is scheduled with the
 * precinct when the case opens or the hazard is found, and reported with the precinct's
 * next file on or after its day. Calibrated to the seed report: 1,600 disputes over 60
 * days for 53 precincts, some 98% of them resolved; a few hundred hazards a month, nearly
 * all rectified within a fortnight.
 */
final class TwoCitiesLedgers {

    private static final Weighted<String> COMMUNITY_DISPUTES = Weighted.of(SubmissionKind.DISPUTES.column("dispute_type"),
            Map.of("neighbour", 22, "noise", 22, "land", 2, "rental", 16, "labour", 14, "family", 12, "property", 10,
                    "other", 2));
    private static final Weighted<String> VILLAGE_DISPUTES = Weighted.of(SubmissionKind.DISPUTES.column("dispute_type"),
            Map.of("neighbour", 18, "noise", 6, "land", 26, "rental", 6, "labour", 12, "family", 14, "property", 2,
                    "other", 6));
    private static final Weighted<String> MECHANISMS = Weighted.of(SubmissionKind.DISPUTES.column("mechanism"),
            Map.of("police", 40, "joint", 30, "court_station", 10, "volunteer", 10, "other", 10));
    private static final Weighted<String> HAZARD_CATEGORIES = Weighted.of(SubmissionKind.HAZARDS.column("category"),
            Map.of("fire", 35, "traffic", 20, "production", 20, "public_order", 15, "other", 10));
    /** Most disputes are settled on the spot, as the seed's 98% resolution rate suggests. */
    private static final int[] SETTLE_WEIGHTS = {75, 21, 4};
    private static final Map<String, String> RESOLUTION_NOTES = Map.of(
            "police", "民警现场调解，双方握手言和",
            "joint", "联合司法所、村委会调解，达成协议",
            "court_station", "启动庭所对接机制，法官参与调解",
            "volunteer", "志愿者协会参与调解，双方和解",
            "other", "经人民调解委员会调解化解");
    private static final List<String> OPEN_NOTES = List.of("已登记，稳控双方情绪", "", "已通知村委会", "");
    private static final List<String> MEDIATING_NOTES = List.of("调解中，约定下周回访", "已联系司法所共同调解", "");

    private final Set<String> communities;

    TwoCitiesLedgers(Set<String> communities) {
        this.communities = communities;
    }

    /** About half a new case per precinct a day, each with its whole path to settlement scheduled. */
    void openCases(TwoCitiesPrecinct precinct, LocalDate day) {
        SplittableRandom random = precinct.random;
        int count = Draws.occurrences(random, 3, 17);
        for (int sequence = 1; sequence <= count; sequence++) {
            String caseId = SubmissionRows.caseId(day, sequence, 2);
            String unit = Draws.pick(random, precinct.units);
            String type = (communities.contains(unit) ? COMMUNITY_DISPUTES : VILLAGE_DISPUTES).draw(random);
            boolean referred = SubmissionDraws.referred(random);
            boolean escalated = SubmissionDraws.escalated(referred, random);
            int daysToSettle = SubmissionDraws.daysToSettle(random, SETTLE_WEIGHTS);
            boolean opensMediating = SubmissionDraws.opensMediating(random);

            precinct.scheduleDispute(day, SubmissionRows.dispute(caseId, day, type, unit,
                    opensMediating ? "mediating" : "open", day, "", false,
                    Draws.pick(random, opensMediating ? MEDIATING_NOTES : OPEN_NOTES)));
            if (!opensMediating && daysToSettle >= 2) {
                LocalDate mediating = day.plusDays(SubmissionDraws.daysToMediating(daysToSettle, random));
                precinct.scheduleDispute(mediating, SubmissionRows.dispute(caseId, day, type, unit, "mediating", mediating,
                        "", false, Draws.pick(random, MEDIATING_NOTES)));
            }
            LocalDate settled = day.plusDays(daysToSettle);
            if (referred) {
                String note = escalated ? "双方发生冲突，已移交刑侦部门" : "已移交司法所处理";
                precinct.scheduleDispute(settled, SubmissionRows.dispute(caseId, day, type, unit, "referred", settled, "",
                        escalated, note));
            } else {
                String mechanism = MECHANISMS.draw(random);
                String note = random.nextInt(100) < 60 ? RESOLUTION_NOTES.get(mechanism) : "";
                precinct.scheduleDispute(settled, SubmissionRows.dispute(caseId, day, type, unit, "resolved", settled,
                        mechanism, false, note));
            }
        }
    }

    /** About one hazard per precinct a week, found open and rectified on its scheduled day. */
    void findHazards(TwoCitiesPrecinct precinct, LocalDate day) {
        SplittableRandom random = precinct.random;
        int count = Draws.occurrences(random, 2, 8);
        for (int sequence = 1; sequence <= count; sequence++) {
            String hazardId = SubmissionRows.hazardId(day, sequence, 2);
            String category = HAZARD_CATEGORIES.draw(random);
            String unit = Draws.pick(random, precinct.units);
            LocalDate rectified = day.plusDays(SubmissionDraws.daysToRectify(random));
            precinct.scheduleHazard(day, SubmissionRows.hazard(hazardId, day, category, unit, "open", day));
            precinct.scheduleHazard(rectified, SubmissionRows.hazard(hazardId, day, category, unit, "rectified", rectified));
        }
    }
}
