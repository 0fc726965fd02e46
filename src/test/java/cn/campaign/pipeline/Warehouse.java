package cn.campaign.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.registry.RegistryCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test access to the warehouse: a clean start with the fixture registry, and common queries. */
public final class Warehouse {

    public static final Path GOOD_REGISTRY = Path.of("src/test/resources/registry/good");

    private final JdbcTemplate jdbc;

    public Warehouse(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties every ingest, core and mart table and the batch metadata, and loads the fixture registry. */
    public void reset(RegistryCommand registry, JobRepositoryTestUtils jobRepositoryTestUtils) {
        jobRepositoryTestUtils.removeJobExecutions();
        jdbc.execute("truncate ingest.rejected_row_store, ingest.file, ingest.run, ingest.listing, ingest.arrival,"
                + " ingest.listing_mark,"
                + " core.visit_row, core.visit_key, core.visit_beaten,"
                + " core.inspection_row, core.inspection_key, core.inspection_beaten, core.winners_per_day,"
                + " core.dispute_snapshot, core.hazard_snapshot, core.target_first_visit, core.ledger_event,"
                + " core.ledger_per_day, core.ledger_item,"
                + " mart.dirty, mart.state, mart.precinct_daily, mart.daily_org_metrics cascade");
        registry.load(GOOD_REGISTRY, new PrintStream(new ByteArrayOutputStream()));
    }

    public Map<String, Object> ledger(String fileName) {
        return jdbc.queryForMap("select * from ingest.file_ledger where file_name = ?", fileName);
    }

    public List<Map<String, Object>> rejectedRows(String fileName) {
        return jdbc.queryForList("select line_no, codes, raw_line from ingest.rejected_rows where file_name = ? order by line_no",
                fileName);
    }

    public long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** Contract section 3: every file's rows_read = loaded + duplicate + rejected. */
    public void assertAccountingHolds() {
        assertThat(count("select count(*) from ingest.file_ledger "
                + "where rows_read <> rows_loaded + rows_duplicate + rows_rejected")).isZero();
        assertThat(count("select count(*) from ingest.file_ledger where outcome in ('quarantined', 'duplicate', 'stale') "
                + "and rows_read + rows_loaded + rows_duplicate + rows_rejected <> 0")).isZero();
    }

    /**
     * What the merge keeps night by night for the keys, days and items it touches is what the
     * rows say, computed here from scratch and in another way: every visit and inspection key
     * held by its latest row (contract section 4), the winners counted per precinct and day,
     * the first visit of every target, and the events and state of every case and hazard.
     */
    public void assertDerivedTablesFollowTheRows() {
        assertEveryKeyIsWonByItsLatestRow();
        assertThat(difference("""
                select target_kind, target_code, first_visit_date from core.target_first_visit""", """
                select case when target_type = 'enterprise' then 'enterprise' else 'unit' end, target_code, min(visit_date)
                from core.visit where target_type <> 'venue' group by 1, 2""")).as("core.target_first_visit").isZero();
        assertThat(difference("""
                select ledger, precinct_code, item_id, start_date, escalated, latest_submission_date, latest_line_no,
                       last_status_date, last_status
                from core.ledger_item""", """
                select l.ledger, l.precinct_code, l.item_id, l.start_date, l.escalated, l.submission_date, l.line_no,
                       (select max(status_date) from core.ledger_snapshot s
                        where (s.ledger, s.precinct_code, s.item_id) = (l.ledger, l.precinct_code, l.item_id)),
                       (select s.status from core.ledger_snapshot s
                        where (s.ledger, s.precinct_code, s.item_id) = (l.ledger, l.precinct_code, l.item_id)
                        order by s.status_date desc, s.submission_date desc, s.line_no desc limit 1)
                from core.ledger_snapshot l
                where not exists (select 1 from core.ledger_snapshot m
                                  where (m.ledger, m.precinct_code, m.item_id) = (l.ledger, l.precinct_code, l.item_id)
                                    and (m.submission_date, m.line_no) > (l.submission_date, l.line_no))"""))
                .as("core.ledger_item").isZero();
        // every item's status on each of its days, looked up one day at a time (contract section 4)
        assertThat(difference("""
                select ledger, precinct_code, item_id, event_date, found_delta, closed_delta, referred_delta,
                       escalated_delta
                from core.ledger_event""", """
                with state as (
                    select i.ledger, i.precinct_code, i.item_id, i.start_date, i.escalated, day,
                           (select s.status from core.ledger_snapshot s
                            where (s.ledger, s.precinct_code, s.item_id) = (i.ledger, i.precinct_code, i.item_id)
                              and s.status_date <= day
                            order by s.status_date desc, s.submission_date desc, s.line_no desc limit 1) as status
                    from core.ledger_item i
                    cross join lateral (select i.start_date as day
                                        union
                                        select s.status_date from core.ledger_snapshot s
                                        where (s.ledger, s.precinct_code, s.item_id)
                                              = (i.ledger, i.precinct_code, i.item_id)) days),
                indicator as (
                    select ledger, precinct_code, item_id, day,
                           (day >= start_date)::int as found,
                           (day >= start_date and coalesce(status, 'open') in ('resolved', 'rectified'))::int as closed,
                           (day >= start_date and coalesce(status, 'open') = 'referred')::int as referred,
                           (day >= start_date and escalated)::int as escalated
                    from state),
                delta as (
                    select ledger, precinct_code, item_id, day,
                           found - lag(found, 1, 0) over w as found_delta, closed - lag(closed, 1, 0) over w as closed_delta,
                           referred - lag(referred, 1, 0) over w as referred_delta,
                           escalated - lag(escalated, 1, 0) over w as escalated_delta
                    from indicator
                    window w as (partition by ledger, precinct_code, item_id order by day))
                select * from delta
                where (found_delta, closed_delta, referred_delta, escalated_delta) <> (0, 0, 0, 0)"""))
                .as("core.ledger_event").isZero();
        // and their sums per precinct and day, moved by the events each night changed, are theirs
        assertThat(difference("""
                select ledger, precinct_code, event_date, found_delta, closed_delta, referred_delta, escalated_delta
                from core.ledger_per_day
                where (found_delta, closed_delta, referred_delta, escalated_delta) <> (0, 0, 0, 0)""", """
                select ledger, precinct_code, event_date, sum(found_delta)::integer, sum(closed_delta)::integer,
                       sum(referred_delta)::integer, sum(escalated_delta)::integer
                from core.ledger_event
                group by ledger, precinct_code, event_date
                having (sum(found_delta), sum(closed_delta), sum(referred_delta), sum(escalated_delta))
                       <> (0, 0, 0, 0)"""))
                .as("core.ledger_per_day").isZero();
    }

    /** Rows in one query and not the other, either way. */
    private long difference(String recorded, String expected) {
        String r = "select * from (" + recorded + ") recorded";
        String e = "select * from (" + expected + ") expected";
        return count("select count(*) from ((" + r + " except all " + e + ") union all (" + e + " except all " + r
                + ")) difference");
    }

    private void assertEveryKeyIsWonByItsLatestRow() {
        for (String[] kind : new String[][] {{"visit", "visit_id"}, {"inspection", "inspection_id"}}) {
            String table = "core." + kind[0];
            String id = kind[1];
            assertThat(count("""
                    with expected as (
                        select precinct_code, %2$s, submission_date, line_no, file_id,
                               row_number() over (partition by precinct_code, %2$s
                                                  order by submission_date desc, line_no desc) = 1 as wins
                        from %1$s_row),
                    recorded as (
                        select precinct_code, %2$s, submission_date, line_no, file_id, true as wins from %1$s_key
                        union all
                        select precinct_code, %2$s, submission_date, line_no, file_id, false from %1$s_beaten)
                    select count(*) from ((select * from expected except all select * from recorded)
                                          union all
                                          (select * from recorded except all select * from expected)) difference"""
                    .formatted(table, id))).as(table + " winners").isZero();
        }
        // and the counts per precinct and day, moved by the winners each night added and removed, are theirs
        assertThat(count("""
                with counted as (
                    select kind, precinct_code, day, winners, persons_reached, violations_found, violations_handled
                    from core.winners_per_day
                    where (winners, persons_reached, violations_found, violations_handled) <> (0, 0, 0, 0)),
                winning as (
                    select 'visits' as kind, precinct_code, visit_date as day, count(*)::integer as winners,
                           sum(persons_reached) as persons_reached, 0::bigint as violations_found,
                           0::bigint as violations_handled
                    from core.visit group by precinct_code, visit_date
                    union all
                    select 'inspections', precinct_code, inspection_date, count(*)::integer, 0,
                           sum(violations_found), sum(violations_handled)
                    from core.inspection group by precinct_code, inspection_date)
                select count(*) from ((select * from counted except all select * from winning)
                                      union all
                                      (select * from winning except all select * from counted)) difference"""))
                .as("core.winners_per_day").isZero();
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
