package cn.campaign.pipeline.generator;

import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The rows of one two-cities file in contract column order, English values, ISO dates;
 * replayable, so that its correction ({@code _v2}) sees the same rows.
 */
record FileRows(int count, Supplier<Stream<String[]>> replay) {
}
