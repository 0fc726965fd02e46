-- The case ledger keeps every snapshot of the active dispute files: a replaced version's
-- snapshots leave, the new active version's arrive. affected_case lists the cases touched.
create temp table affected_case (precinct_code text, case_id text) on commit drop;

with gone as (
    delete from core.dispute_snapshot s
    using version_change c
    where c.kind = 'disputes' and not c.now_active
      and s.precinct_code = c.precinct_code and s.submission_date = c.submission_date
    returning s.precinct_code, s.case_id)
insert into affected_case select precinct_code, case_id from gone;

with added as (
    insert into core.dispute_snapshot (precinct_code, submission_date, line_no, case_id, reported_date, dispute_type,
                                       unit_code, status, status_date, mechanism, escalated, note)
    select d.precinct_code, d.submission_date, d.line_no, d.case_id, d.reported_date, d.dispute_type,
           d.unit_code, d.status, d.status_date, d.mechanism, d.escalated, d.note
    from checked_dispute d
    join version_change c on c.file_id = d.file_id and c.now_active
    where d.outcome = 'loaded'
    returning precinct_code, case_id)
insert into affected_case select precinct_code, case_id from added;
