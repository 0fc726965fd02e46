package cn.campaign.pipeline.registry;

import cn.campaign.pipeline.contract.RegistryCodes;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry codes a submission row may name (contract section 1), held in memory for the
 * readers of a run so that every row is checked completely while it is read (R06): the
 * villages and communities of the jurisdiction, the enterprises and the venues. About
 * 340,000 codes at national scale, some 30 MB; one registry version, never changed once read.
 */
public final class RegistrySnapshot implements RegistryCodes {

    private final long loadId;
    private final Set<String> units;
    private final Set<String> enterprises;
    private final Set<String> venues;

    private RegistrySnapshot(long loadId, Set<String> units, Set<String> enterprises, Set<String> venues) {
        this.loadId = loadId;
        this.units = units;
        this.enterprises = enterprises;
        this.venues = venues;
    }

    /** The registry version in force, read in one transaction so its three sets agree. */
    static RegistrySnapshot read(JdbcTemplate jdbc, long loadId) {
        return new RegistrySnapshot(loadId,
                codes(jdbc, "select unit_code from registry.jurisdiction"),
                codes(jdbc, "select credit_code from registry.enterprise"),
                codes(jdbc, "select venue_id from registry.venue"));
    }

    private static Set<String> codes(JdbcTemplate jdbc, String query) {
        Set<String> codes = new HashSet<>();
        jdbc.query(query, rs -> {
            codes.add(rs.getString(1));
        });
        return Set.copyOf(codes);
    }

    public long loadId() {
        return loadId;
    }

    /** A village or community of the registry (every one belongs to a precinct's jurisdiction). */
    @Override
    public boolean isUnit(String code) {
        return units.contains(code);
    }

    @Override
    public boolean isEnterprise(String creditCode) {
        return enterprises.contains(creditCode);
    }

    @Override
    public boolean isVenue(String venueId) {
        return venues.contains(venueId);
    }
}
