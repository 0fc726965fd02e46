package cn.campaign.pipeline.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Names as the two cities of Inner Mongolia have them: Han and Mongolian place-name stems,
 * trade names, and what enterprises and shops call themselves.
 */
final class PlaceNames {

    private static final List<String> HAN_FIRST = List.of(
            "新", "红", "胜", "永", "丰", "太", "东", "西", "南", "北", "和", "兴", "民", "富", "建",
            "团", "光", "长", "双", "保", "五", "三", "联", "万", "合", "德", "复", "庆", "隆", "福");
    private static final List<String> HAN_SECOND = List.of(
            "华", "利", "丰", "安", "兴", "胜", "明", "光", "和", "平", "合", "庄", "星", "泉", "林",
            "盛", "义", "强", "乐", "河", "荣", "成", "顺", "发", "新", "源", "园", "阳", "富", "康");
    private static final List<String> MONGOLIAN_FIRST = List.of(
            "巴彦", "乌兰", "查干", "哈日", "额尔敦", "阿拉坦", "伊和", "呼和", "那仁", "白音",
            "宝日", "希日", "乌力吉", "达拉", "图门", "锡林");
    private static final List<String> MONGOLIAN_SECOND = List.of(
            "塔拉", "浩特", "宝力格", "淖尔", "哈达", "敖包", "高勒", "乌苏", "布拉格", "套海",
            "花", "温都尔", "胡舒", "芒哈");
    private static final List<String> TRADE_FIRST = List.of(
            "宏", "鑫", "金", "丰", "瑞", "恒", "兴", "华", "利", "天", "盛", "嘉", "远", "同", "绿",
            "富", "聚", "德", "广", "隆", "昊", "蒙", "泰", "润", "佳", "旺", "永", "国", "新", "锦");
    private static final List<String> TRADE_SECOND = List.of(
            "达", "源", "穗", "泽", "信", "盛", "泰", "民", "润", "世", "禾", "航", "创", "野", "邦",
            "鑫", "胜", "益", "昌", "祥", "丰", "辉", "通", "业", "安", "康", "茂", "坤", "远", "晟");

    private static final List<String> INDUSTRIES = List.of(
            "农牧业", "商贸", "建筑工程", "物流", "农业科技", "食品", "乳业", "肉业", "新能源", "矿业",
            "机械制造", "化工", "房地产开发", "物业服务", "种业", "饲料", "运输", "餐饮管理", "酒店管理", "建材");
    private static final List<String> SHOPS = List.of(
            "农资门市部", "便利店", "饭店", "汽车修理部", "建材商店", "五金店", "粮油店", "养殖场");
    private static final List<String> FARMING = List.of(
            "种植", "养殖", "葵花种植", "肉羊养殖", "肉牛养殖", "玉米种植", "农机服务", "蔬菜种植");
    private static final List<String> NON_PROFITS = List.of("幼儿园", "职业技能培训学校", "养老院");
    private static final List<String> PUBLIC_INSTITUTIONS = List.of(
            "综合文化站", "便民服务中心", "退役军人服务站", "社会治安综合治理中心");

    private PlaceNames() {
    }

    static String hanStem(SplittableRandom random) {
        return Draws.pick(random, HAN_FIRST) + Draws.pick(random, HAN_SECOND);
    }

    static String mongolianStem(SplittableRandom random) {
        return Draws.pick(random, MONGOLIAN_FIRST) + Draws.pick(random, MONGOLIAN_SECOND);
    }

    static String tradeName(SplittableRandom random) {
        return Draws.pick(random, TRADE_FIRST) + Draws.pick(random, TRADE_SECOND);
    }

    /** A registered name as each kind of entity has one, in its county (or city) and, for institutions, township. */
    static String enterpriseName(EntityKind kind, String cityName, String countyName, String townshipName,
                                 SplittableRandom random) {
        return switch (kind) {
            case COMPANY -> (random.nextBoolean() ? cityName : countyName) + tradeName(random)
                    + Draws.pick(random, INDUSTRIES) + (random.nextBoolean() ? "有限公司" : "有限责任公司");
            case SOLE_TRADER -> countyName + tradeName(random) + Draws.pick(random, SHOPS);
            case COOPERATIVE -> countyName + tradeName(random) + Draws.pick(random, FARMING) + "农民专业合作社";
            case PRIVATE_NON_ENTERPRISE -> countyName + tradeName(random) + Draws.pick(random, NON_PROFITS);
            case PUBLIC_INSTITUTION -> countyName + townshipName + Draws.pick(random, PUBLIC_INSTITUTIONS);
        };
    }
}
