package cn.campaign.pipeline.generator;

/** The four date spellings the contract accepts (section 2). */
enum DateForm {
    /** {@code 2026-02-03} */
    ISO,
    /** {@code 2026/2/3}, Excel's short date on a Chinese desktop */
    SLASH,
    /** {@code 20260203} */
    COMPACT,
    /** {@code 2026年2月3日} */
    CHINESE;

    /**
     * Respells an ISO date; works on impossible days such as 2026-02-30 too, which is how they
     * get into files. Anything not shaped like an ISO date (empty, or a word such as 昨天) is
     * left as it is. Plain concatenation, not String.format: this runs for millions of fields.
     */
    String spell(String isoDate) {
        if (this == ISO || isoDate.length() != 10 || isoDate.charAt(4) != '-' || isoDate.charAt(7) != '-') {
            return isoDate;
        }
        String year = isoDate.substring(0, 4);
        int month = Integer.parseInt(isoDate.substring(5, 7));
        int day = Integer.parseInt(isoDate.substring(8, 10));
        return switch (this) {
            case SLASH -> Integer.parseInt(year) + "/" + month + "/" + day;
            case COMPACT -> year + isoDate.substring(5, 7) + isoDate.substring(8, 10);
            case CHINESE -> Integer.parseInt(year) + "年" + month + "月" + day + "日";
            case ISO -> isoDate;
        };
    }
}
