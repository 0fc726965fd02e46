package cn.campaign.pipeline.ingest;

import java.util.Map;

/**
 * One column of a submission file (contract section 2): its English name, its Chinese
 * alias, and the rule its values follow. {@code choices} maps every accepted spelling
 * (English or Chinese) to the stored English value.
 */
record Column(String name, String alias, Rule rule, int max, Map<String, String> choices) {

    enum Rule {
        /** required free text: an id or a registry code (checked against the registry in SQL) */
        TEXT,
        /** required date in [campaign start, submission date] */
        DATE,
        /** required, six digits */
        OFFICER_ID,
        /** required integer in 0..max */
        COUNT,
        /** required, one of the choices */
        CHOICE,
        /** optional, one of the choices when given */
        OPTIONAL_CHOICE,
        /** optional free text, personal data masked */
        NOTE
    }

    static Column text(String name, String alias) {
        return new Column(name, alias, Rule.TEXT, 0, Map.of());
    }

    static Column date(String name, String alias) {
        return new Column(name, alias, Rule.DATE, 0, Map.of());
    }

    static Column officerId(String name, String alias) {
        return new Column(name, alias, Rule.OFFICER_ID, 0, Map.of());
    }

    static Column count(String name, String alias, int max) {
        return new Column(name, alias, Rule.COUNT, max, Map.of());
    }

    static Column choice(String name, String alias, Map<String, String> choices) {
        return new Column(name, alias, Rule.CHOICE, 0, choices);
    }

    static Column optionalChoice(String name, String alias, Map<String, String> choices) {
        return new Column(name, alias, Rule.OPTIONAL_CHOICE, 0, choices);
    }

    static Column note(String name, String alias) {
        return new Column(name, alias, Rule.NOTE, 0, Map.of());
    }

    boolean requiredInHeader() {
        return rule != Rule.NOTE;
    }

    String label() {
        return name + " (" + alias + ")";
    }
}
