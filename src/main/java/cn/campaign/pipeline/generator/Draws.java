package cn.campaign.pipeline.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How the generator draws: from a {@link SplittableRandom} that a setting threads through
 * its draws, or, where nothing may depend on what was drawn before (the national setting
 * writes precincts in parallel and days in any order), as a pure function of a seed and
 * indices ({@link #mix}). The same seed always gives the same bytes, so every draw's order
 * matters: changing it changes the generated files.
 */
final class Draws {

    private Draws() {
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** An integer in {@code min..max}, both included. */
    static int between(SplittableRandom random, int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** An index drawn with the given relative weights. */
    static int weighted(SplittableRandom random, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new AssertionError("weights exhausted");
    }

    /** How many of {@code trials} chances of {@code percent} each come up. */
    static int occurrences(SplittableRandom random, int trials, int percent) {
        int count = 0;
        for (int i = 0; i < trials; i++) {
            if (random.nextInt(100) < percent) {
                count++;
            }
        }
        return count;
    }

    static <T> List<T> shuffled(List<T> values, SplittableRandom random) {
        List<T> shuffled = new ArrayList<>(values);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            shuffled.set(j, shuffled.set(i, shuffled.get(j)));
        }
        return shuffled;
    }

    /** A well-mixed 64-bit value of its inputs (SplitMix64 finaliser over each): the same inputs, the same value. */
    static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long value : values) {
            h += value * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
