package cn.campaign.pipeline.contract;

/**
 * The codes a submission row may name (contract sections 1 and 2): a village or community
 * of the registry (R06 for visits to households, villages and communities, and for the units
 * of cases and hazards), an enterprise, a venue.
 */
public interface RegistryCodes {

    boolean isUnit(String code);

    boolean isEnterprise(String creditCode);

    boolean isVenue(String venueId);
}
