package cn.campaign.pipeline.contract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <precinct_code>_<YYYYMMDD>_<kind>[_v<N>].csv} (contract section 2). A name that
 * does not parse is F01. The name is data: it is never used to build a path.
 */
public record SubmissionFileName(String precinctCode, LocalDate submissionDate, String kind, int version) {

    private static final Pattern PATTERN =
            Pattern.compile("([0-9A-Za-z]+)_([0-9]{4})([0-9]{2})([0-9]{2})_(visits|disputes|hazards|inspections)(?:_v([0-9]{1,6}))?\\.csv");

    public static Optional<SubmissionFileName> parse(String fileName) {
        Matcher matcher = PATTERN.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int version = matcher.group(6) == null ? 1 : Integer.parseInt(matcher.group(6));
        if (version < 1) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
                    Integer.parseInt(matcher.group(4)));
            return Optional.of(new SubmissionFileName(matcher.group(1), date, matcher.group(5), version));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
