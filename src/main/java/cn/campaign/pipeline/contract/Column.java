package cn.campaign.pipeline.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One column of a submission file (contract section 2): its English name, its Chinese
 * alias, and the rule its values follow. {@code choices} maps every accepted spelling
 * (English or Chinese) to the stored English value.
 */
public record Column(String name, String alias, Rule rule, int max, Map<String, String> choices) {

    public enum Rule {
        /** required free text: an id */
        TEXT,
        /** required, a village or community of the registry (R06) */
        UNIT,
        /** required, a venue of the registry (R06) */
        VENUE,
        /** required, a code of the registry of the kind the row's target_type names (R06, R07) */
        TARGET,
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

    static Column unit(String name, String alias) {
        return new Column(name, alias, Rule.UNIT, 0, Map.of());
    }

    static Column venue(String name, String alias) {
        return new Column(name, alias, Rule.VENUE, 0, Map.of());
    }

    static Column target(String name, String alias) {
        return new Column(name, alias, Rule.TARGET, 0, Map.of());
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

    public boolean requiredInHeader() {
        return rule != Rule.NOTE;
    }

    /** An empty field of this column is R01. */
    public boolean requiresValue() {
        return rule != Rule.NOTE && rule != Rule.OPTIONAL_CHOICE;
    }

    /** The allowed values of a choice column in their English spelling, in the contract's order. */
    public List<String> values() {
        return choices.values().stream().distinct().toList();
    }

    /** English value → its Chinese spelling, for the values the contract gives one. */
    public Map<String, String> chineseSpellings() {
        Map<String, String> chinese = new LinkedHashMap<>();
        choices.forEach((spelling, value) -> {
            if (!spelling.equals(value)) {
                chinese.put(value, spelling);
            }
        });
        return chinese;
    }

    public String label() {
        return name + " (" + alias + ")";
    }
}
