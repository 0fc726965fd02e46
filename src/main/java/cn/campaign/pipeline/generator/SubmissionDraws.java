package cn.campaign.pipeline.generator;

import java.util.SplittableRandom;

/**
 * The values of submission rows that both settings draw alike, calibrated to the seed
 * report: when a visit or inspection is reported, whom a visit reaches, what it finds, the
 * violations an inspection finds and handles, how a dispute moves to its settlement and how
 * long a hazard stays open. Each setting calls them in its own order.
 */
final class SubmissionDraws {

    /** Visits of this many percent of draws go to an enterprise. */
    static final int ENTERPRISE_VISIT_PERCENT = 20;

    private SubmissionDraws() {
    }

    /** Days between a visit and the file that reports it: mostly none. */
    static int visitLagDays(SplittableRandom random) {
        return Draws.weighted(random, 80, 15, 5);
    }

    /** A visit to a village or community is to a household seven times in ten. */
    static boolean household(SplittableRandom random) {
        return random.nextInt(100) < 70;
    }

    static int personsReached(String targetType, SplittableRandom random) {
        return switch (targetType) {
            case "enterprise" -> Draws.between(random, 2, 20);
            case "venue" -> Draws.between(random, 1, 8);
            case "household" -> Draws.between(random, 1, 6);
            default -> Draws.between(random, 5, 30);
        };
    }

    static int issuesFound(SplittableRandom random) {
        return Draws.weighted(random, 75, 17, 6, 2);
    }

    static int inspectionLagDays(SplittableRandom random) {
        return Draws.weighted(random, 85, 15);
    }

    /** A violation in about one inspection of forty. */
    static int violationsFound(SplittableRandom random) {
        return Draws.weighted(random, 975, 20, 4, 1);
    }

    /** One inspection in ten that found any leaves one of them unhandled. */
    static int violationsHandled(int found, SplittableRandom random) {
        return found > 0 && random.nextInt(10) == 0 ? found - 1 : found;
    }

    /**
     * Days from a dispute's report to its settlement: on the spot, in one to three days, or
     * in one to two weeks, with the setting's weights of the three.
     */
    static int daysToSettle(SplittableRandom random, int... weights) {
        return switch (Draws.weighted(random, weights)) {
            case 0 -> 0;
            case 1 -> Draws.between(random, 1, 3);
            default -> Draws.between(random, 6, 14);
        };
    }

    /** Six disputes in ten are being mediated when first recorded. */
    static boolean opensMediating(SplittableRandom random) {
        return random.nextInt(100) < 60;
    }

    /** When a dispute recorded open moves to mediation, before its settlement ({@code daysToSettle} ≥ 2). */
    static int daysToMediating(int daysToSettle, SplittableRandom random) {
        return Draws.between(random, 1, daysToSettle - 1);
    }

    /** Two disputes in a hundred are referred rather than resolved. */
    static boolean referred(SplittableRandom random) {
        return random.nextInt(100) < 2;
    }

    /** Half the referred disputes had turned into a criminal case (民转刑). */
    static boolean escalated(boolean referred, SplittableRandom random) {
        return referred && random.nextBoolean();
    }

    /** Days from a hazard's discovery to its rectification: nearly all within a fortnight. */
    static int daysToRectify(SplittableRandom random) {
        return switch (Draws.weighted(random, 50, 40, 10)) {
            case 0 -> Draws.between(random, 1, 3);
            case 1 -> Draws.between(random, 4, 10);
            default -> Draws.between(random, 11, 30);
        };
    }
}
