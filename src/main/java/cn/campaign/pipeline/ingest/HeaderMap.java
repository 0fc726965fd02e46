package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.Column;
import cn.campaign.pipeline.contract.SubmissionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each column of a kind sits in a file's header. Names match the English column
 * names or their Chinese aliases after trimming, in any order; extra columns are ignored
 * (never stored); when a name repeats, its first occurrence is used.
 */
public final class HeaderMap {

    private final int[] positions;
    private final int fieldCount;
    private final List<String> missing;

    private HeaderMap(int[] positions, int fieldCount, List<String> missing) {
        this.positions = positions;
        this.fieldCount = fieldCount;
        this.missing = missing;
    }

    public static HeaderMap of(SubmissionKind kind, List<String> headerFields) {
        List<String> names = headerFields.stream().map(name -> name.replace("\uFEFF", "").strip()).toList();
        int[] positions = new int[kind.columns().size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            Column column = kind.columns().get(i);
            int english = names.indexOf(column.name());
            int chinese = names.indexOf(column.alias());
            positions[i] = english < 0 ? chinese : chinese < 0 ? english : Math.min(english, chinese);
            if (positions[i] < 0 && column.requiredInHeader()) {
                missing.add(column.label());
            }
        }
        return new HeaderMap(positions, names.size(), List.copyOf(missing));
    }

    /** The required columns the header lacks (F04 when not empty). */
    public List<String> missing() {
        return missing;
    }

    int position(int columnIndex) {
        return positions[columnIndex];
    }

    int fieldCount() {
        return fieldCount;
    }
}
