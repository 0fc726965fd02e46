package cn.campaign.pipeline.contract;

/**
 * The stable problem codes of contract section 3, with the plain-words reason the feedback
 * files give precincts, in Chinese and English.
 */
public enum RejectCode {
    F01("文件名不符合规范或类型未知", "file name does not follow <precinct_code>_<YYYYMMDD>_<kind>[_v<N>].csv, or unknown kind"),
    F02("派出所编码不存在或已停用", "unknown or inactive precinct"),
    F03("无法按 UTF-8 或 GB18030 解码，或不是 CSV 文件", "not decodable as UTF-8 or GB18030, or not a CSV file"),
    F04("表头缺少必填列", "a required column is missing from the header"),
    F05("与已接收文件的派出所、日期、类型和版本相同但内容不同", "same precinct, date, kind and version as an ingested file, different content"),
    F06("空文件", "empty file"),
    R01("必填字段为空", "required field empty"),
    R02("日期无法识别", "date not parseable"),
    R03("日期超出行动起始日至报送日期范围，或状态日期早于起始日期", "date outside [campaign start, submission date], or status date before the start date"),
    R04("数值不是整数或超出范围", "number not an integer or out of range"),
    R05("取值不在允许范围内", "value not in the allowed set"),
    R06("编码不在登记库中（村社区、企业、场所）", "code not in the registry (unit, enterprise, venue)"),
    R07("统一社会信用代码校验位错误", "enterprise credit code fails its check character"),
    R08("字段个数与表头不符", "wrong number of fields for the header"),
    R09("已化解纠纷缺少化解方式", "mechanism missing on a resolved dispute");

    private final String chinese;
    private final String english;

    RejectCode(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** "中文 / English" as the feedback files show it. */
    public String reason() {
        return chinese + " / " + english;
    }
}
