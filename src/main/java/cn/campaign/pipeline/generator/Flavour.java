package cn.campaign.pipeline.generator;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The tool that saved a submission file: its encoding, byte order mark and line ends,
 * whether its header and its coded values are in Chinese, and how often it writes each
 * date form. Which tools a setting's precincts use, and how often, is the setting's own
 * {@link Weighted} mix.
 */
enum Flavour {
    /** the county's template, filled in with a text editor or a script */
    PLAIN_UTF8(StandardCharsets.UTF_8, false, false, false, "\n", 75, 10, 15, 0),
    /** Excel on a Chinese desktop, "CSV (逗号分隔)" */
    EXCEL_GB18030(Charset.forName("GB18030"), false, true, true, "\r\n", 20, 50, 0, 30),
    /** Excel, "CSV UTF-8 (逗号分隔)" */
    EXCEL_UTF8_BOM(StandardCharsets.UTF_8, true, true, true, "\r\n", 20, 50, 0, 30),
    /** an export from a county web system: Chinese headers over coded values */
    WEB_EXPORT(StandardCharsets.UTF_8, false, true, false, "\n", 50, 0, 20, 30);

    final Charset charset;
    final boolean byteOrderMark;
    final boolean chineseHeader;
    final boolean chineseValues;
    final String lineEnd;
    /** weights of the date forms, in {@link DateForm} order */
    private final int[] dateFormWeights;

    Flavour(Charset charset, boolean byteOrderMark, boolean chineseHeader, boolean chineseValues, String lineEnd,
            int... dateFormWeights) {
        this.charset = charset;
        this.byteOrderMark = byteOrderMark;
        this.chineseHeader = chineseHeader;
        this.chineseValues = chineseValues;
        this.lineEnd = lineEnd;
        this.dateFormWeights = dateFormWeights;
    }

    /** The date form this tool writes most often. */
    DateForm usualDateForm() {
        int usual = 0;
        for (int i = 1; i < dateFormWeights.length; i++) {
            usual = dateFormWeights[i] > dateFormWeights[usual] ? i : usual;
        }
        return DateForm.values()[usual];
    }

    /** A date form as this tool's users write them, now one, now another. */
    DateForm drawDateForm(SplittableRandom random) {
        return DateForm.values()[Draws.weighted(random, dateFormWeights)];
    }
}
