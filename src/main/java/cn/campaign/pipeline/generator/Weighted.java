package cn.campaign.pipeline.generator;

import cn.campaign.pipeline.contract.Column;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Values drawn with relative weights; the order of the values fixes which one a draw lands on. */
final class Weighted<T> {

    private final List<T> values;
    private final int[] weights;

    Weighted(List<T> values, int... weights) {
        if (values.size() != weights.length) {
            throw new IllegalArgumentException(values.size() + " values but " + weights.length + " weights");
        }
        this.values = List.copyOf(values);
        this.weights = weights.clone();
    }

    /**
     * The allowed values of a contract column, each with its weight, drawn in the contract's
     * order of the values; every value must have a weight.
     */
    static Weighted<String> of(Column column, Map<String, Integer> weightOfValue) {
        List<String> values = column.values();
        if (!weightOfValue.keySet().equals(Set.copyOf(values))) {
            throw new IllegalArgumentException(column.name() + " allows " + values + ", weighted: " + weightOfValue.keySet());
        }
        return new Weighted<>(values, values.stream().mapToInt(weightOfValue::get).toArray());
    }

    T draw(SplittableRandom random) {
        return values.get(Draws.weighted(random, weights));
    }
}
