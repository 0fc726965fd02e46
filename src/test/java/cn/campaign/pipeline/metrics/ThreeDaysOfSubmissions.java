package cn.campaign.pipeline.metrics;

import cn.campaign.pipeline.Inbox;

/**
 * Three days of submissions small enough to count by hand; P2 misses the third day. The
 * fixture registry: city 150800 with county 150802 (precinct P1, units U1 150802001001 and
 * U2 150802001002, key enterprise E1 at U1) and county 150821 (active P2 with unit U3
 * 150821100201 and key enterprise E2; inactive PX with unit U4 150821100202).
 */
public final class ThreeDaysOfSubmissions {

    public static final String P1 = "150802000001";
    public static final String P2 = "150821000001";
    public static final String VISITS = "visit_id,visit_date,officer_id,target_type,target_code,persons_reached,issues_found,note";
    public static final String DISPUTES = "case_id,reported_date,dispute_type,unit_code,status,status_date,mechanism,escalated,note";
    public static final String HAZARDS = "hazard_id,found_date,category,unit_code,status,status_date";
    public static final String INSPECTIONS = "inspection_id,inspection_date,venue_id,violations_found,violations_handled";

    private ThreeDaysOfSubmissions() {
    }

    public static void writeTo(Inbox inbox) {
        inbox.utf8(P1 + "_20260201_visits.csv", VISITS,
                "V1,2026-02-01,100001,household,150802001001,3,0,",
                "V2,2026-02-01,100001,enterprise,91150802MA0N12340C,2,0,",
                "V3,2026-02-01,100001,village,150821100201,4,0,跨辖区走访");   // U3 lies in P2's jurisdiction
        inbox.utf8(P1 + "_20260201_disputes.csv", DISPUTES,
                "C1,2026-02-01,noise,150802001001,open,2026-02-01,,false,",
                "C2,2026-02-01,noise,150802001001,resolved,2026-02-01,police,true,");
        inbox.utf8(P2 + "_20260201_hazards.csv", HAZARDS,
                "H1,2026-02-01,fire,150821100201,open,2026-02-01");
        inbox.utf8(P1 + "_20260202_visits.csv", VISITS);                         // a zero report
        inbox.utf8(P1 + "_20260202_disputes.csv", DISPUTES,
                "C1,2026-02-01,noise,150802001001,mediating,2026-02-02,,false,",  // two snapshots on one day:
                "C1,2026-02-01,noise,150802001001,resolved,2026-02-02,joint,false,");  // the later line wins
        inbox.utf8(P2 + "_20260202_visits.csv", VISITS,
                "V1,2026-02-02,200001,household,150821100201,10,1,");
        inbox.utf8(P2 + "_20260202_disputes.csv", DISPUTES,
                "C9,2026-02-02,land,150821100201,open,2026-02-02,,false,");
        inbox.utf8(P2 + "_20260202_hazards.csv", HAZARDS,
                "H1,2026-02-01,fire,150821100201,rectified,2026-02-02");
        inbox.utf8(P2 + "_20260202_inspections.csv", INSPECTIONS,
                "I1,2026-02-02,V150821100202,2,1");
        inbox.utf8(P1 + "_20260203_disputes.csv", DISPUTES,
                "C3,2026-02-03,labour,150802001002,referred,2026-02-03,,false,");
    }
}
