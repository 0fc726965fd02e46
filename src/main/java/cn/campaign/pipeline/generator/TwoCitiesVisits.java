package cn.campaign.pipeline.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The two cities' visits and inspections: a fresh batch every day, 5 to 25 visits and up
 * to 6 inspections per precinct, each batch drawn from a seed of its own so that a
 * correction can draw it again. Visits follow the precinct's sweep of its units and key
 * enterprises ({@link TwoCitiesPrecinct#campaignPick}); notes are what officers write about
 * each kind of target.
 */
final class TwoCitiesVisits {

    private static final List<String> HOUSEHOLD_NOTES = List.of(
            "入户走访，宣传反诈知识", "指导安装国家反诈中心APP", "了解家庭成员情况，无异常", "留守老人家庭，上门送温暖",
            "群众反映楼道杂物堆积", "反映楼上装修噪音扰民", "登记流动人口信息", "宣传冬季防火安全常识",
            "走访亮身份，发放警民联系卡", "群众反映邻里排水纠纷");
    private static final List<String> UNIT_NOTES = List.of(
            "召开村民座谈会，收集意见建议", "走访嘎查村两委，了解矛盾纠纷排查情况", "联合网格员开展入户宣传",
            "社区议事会，听取居民诉求", "走访牧户，了解草场使用情况", "与村干部核对重点人员底数");
    private static final List<String> ENTERPRISE_NOTES = List.of(
            "开展安全生产检查，指导完善应急预案", "企业反映劳资问题，已登记台账", "开展法治宣传讲座",
            "上门办理居住证", "检查企业内部安全防范措施", "了解企业用工情况，无异常");
    private static final List<String> VENUE_NOTES = List.of(
            "检查出租屋登记情况", "核查住宿人员登记", "宣传禁毒知识", "督促落实实名登记制度");
    /** Visits of draws from the enterprise share up to this go to a venue. */
    private static final int VENUE_VISIT_BELOW = 28;
    /** Visits of draws from this on go to a unit of a neighbouring precinct. */
    private static final int NEIGHBOUR_VISIT_FROM = 97;

    private final LocalDate campaignStart;
    private final Set<String> communities;

    TwoCitiesVisits(LocalDate campaignStart, Set<String> communities) {
        this.campaignStart = campaignStart;
        this.communities = communities;
    }

    FileRows visits(TwoCitiesPrecinct precinct, LocalDate day) {
        int count = Draws.between(precinct.random, 5, 25);
        long seed = precinct.random.nextLong();
        return new FileRows(count, () -> {
            SplittableRandom random = new SplittableRandom(seed);
            return IntStream.rangeClosed(1, count).mapToObj(sequence -> visit(precinct, day, sequence, random));
        });
    }

    FileRows inspections(TwoCitiesPrecinct precinct, LocalDate day) {
        int count = precinct.venues.isEmpty() ? 0 : Draws.weighted(precinct.random, 20, 25, 22, 15, 10, 5, 3);
        long seed = precinct.random.nextLong();
        return new FileRows(count, () -> {
            SplittableRandom random = new SplittableRandom(seed);
            return IntStream.rangeClosed(1, count).mapToObj(sequence -> inspection(precinct, day, sequence, random));
        });
    }

    private String[] visit(TwoCitiesPrecinct precinct, LocalDate day, int sequence, SplittableRandom random) {
        LocalDate visitDate = notBeforeStart(day.minusDays(SubmissionDraws.visitLagDays(random)));
        String officer = Draws.pick(random, precinct.officers);
        long campaignDay = ChronoUnit.DAYS.between(campaignStart, day) + 1;
        int draw = random.nextInt(100);
        String type;
        String target;
        List<String> notes;
        if (draw < SubmissionDraws.ENTERPRISE_VISIT_PERCENT && !precinct.enterprises.isEmpty()) {
            type = "enterprise";
            // nine in ten go to a key enterprise, the campaign's concern
            target = random.nextInt(10) < 9 && !precinct.keyEnterprises.isEmpty()
                    ? TwoCitiesPrecinct.campaignPick(precinct.keyEnterprises, precinct.enterpriseRampDays, campaignDay, random)
                    : Draws.pick(random, precinct.enterprises);
            notes = ENTERPRISE_NOTES;
        } else if (draw < VENUE_VISIT_BELOW && !precinct.venues.isEmpty()) {
            type = "venue";
            target = Draws.pick(random, precinct.venues);
            notes = VENUE_NOTES;
        } else {
            target = draw >= NEIGHBOUR_VISIT_FROM && !precinct.neighbourUnits.isEmpty()
                    ? Draws.pick(random, precinct.neighbourUnits)
                    : TwoCitiesPrecinct.campaignPick(precinct.units, precinct.unitRampDays, campaignDay, random);
            boolean household = SubmissionDraws.household(random);
            type = household ? "household" : communities.contains(target) ? "community" : "village";
            notes = household ? HOUSEHOLD_NOTES : UNIT_NOTES;
        }
        int persons = SubmissionDraws.personsReached(type, random);
        int issues = SubmissionDraws.issuesFound(random);
        String note = note(precinct, notes, random);
        return SubmissionRows.visit(SubmissionRows.visitId(day, sequence, 3), visitDate, officer, type, target, persons,
                issues, note);
    }

    /**
     * Free text as officers type it: often empty, sometimes with the resident's phone or ID
     * number (which the pipeline must mask), an ASCII comma or quote, or a line break.
     */
    private static String note(TwoCitiesPrecinct precinct, List<String> notes, SplittableRandom random) {
        if (random.nextInt(100) < 30) {
            return "";
        }
        String note = Draws.pick(random, notes);
        int extra = random.nextInt(1000);
        if (extra < 25) {
            return Notes.withMobileNumber(note, random);
        } else if (extra < 40) {
            return Notes.withResidentId(note, precinct.countyCode, random);
        } else if (extra < 50) {
            return Notes.withComma(note);
        } else if (extra < 53) {
            return Notes.inQuotes(note);
        } else if (extra < 56) {
            return Notes.withLineBreak(note);
        }
        return note;
    }

    private String[] inspection(TwoCitiesPrecinct precinct, LocalDate day, int sequence, SplittableRandom random) {
        LocalDate inspectionDate = notBeforeStart(day.minusDays(SubmissionDraws.inspectionLagDays(random)));
        int found = SubmissionDraws.violationsFound(random);
        int handled = SubmissionDraws.violationsHandled(found, random);
        String venue = Draws.pick(random, precinct.venues);
        return SubmissionRows.inspection(SubmissionRows.inspectionId(day, sequence, 2), inspectionDate, venue, found,
                handled);
    }

    private LocalDate notBeforeStart(LocalDate date) {
        return date.isBefore(campaignStart) ? campaignStart : date;
    }
}
