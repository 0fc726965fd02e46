package cn.campaign.pipeline.generator;

/**
 * Registration authority and entity type: the first two characters of a credit code, with
 * how common each is among the two cities' enterprises. The national registry holds only
 * companies.
 */
enum EntityKind {
    COMPANY("91", 70), SOLE_TRADER("92", 12), COOPERATIVE("93", 12),
    PRIVATE_NON_ENTERPRISE("52", 3), PUBLIC_INSTITUTION("12", 3);

    final String codePrefix;
    final int weight;

    EntityKind(String codePrefix, int weight) {
        this.codePrefix = codePrefix;
        this.weight = weight;
    }
}
