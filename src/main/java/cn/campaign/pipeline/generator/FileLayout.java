package cn.campaign.pipeline.generator;

import cn.campaign.pipeline.contract.SubmissionKind;
import java.util.stream.IntStream;

/**
 * How one submission file is laid out: the tool that saved it, the form of its dates, the
 * order of its columns (indices into the contract's columns) and a column the contract does
 * not know, which the pipeline must ignore.
 */
record FileLayout(Flavour flavour, DateForm dateForm, int[] columnOrder, ExtraColumn extra, String enteredBy) {

    /** A column some precincts add: a row number, or the clerk who entered the rows. */
    enum ExtraColumn {
        NONE, ROW_NUMBER, ENTERED_BY
    }

    /** The contract's columns in its order, dates in the form the tool writes most often, nothing extra. */
    static FileLayout usual(Flavour flavour, SubmissionKind kind) {
        return new FileLayout(flavour, flavour.usualDateForm(), IntStream.range(0, kind.columns().size()).toArray(),
                ExtraColumn.NONE, "");
    }

    String extraHeader() {
        return switch (extra) {
            case ROW_NUMBER -> flavour.chineseHeader ? "序号" : "no";
            case ENTERED_BY -> flavour.chineseHeader ? "录入人" : "entered_by";
            case NONE -> "";
        };
    }

    String extraValue(int rowNumber) {
        return switch (extra) {
            case ROW_NUMBER -> String.valueOf(rowNumber);
            case ENTERED_BY -> enteredBy;
            case NONE -> "";
        };
    }
}
