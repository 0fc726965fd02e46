-- core.ledger_event for the cases touched tonight (contract sections 4 and 5). A case's
-- attributes (reported date, escalated) come from its latest snapshot by (submission date,
-- line); its status on day D is that of its latest snapshot with status_date <= D by
-- (status_date, submission date, line), open when there is none. The case counts on D as
-- found when reported_date <= D, resolved/referred when also its status on D is, escalated
-- when also flagged. Events are the days those indicators change, with +1/-1.
-- The events before tonight, to mark dirty only the days whose events really changed.
create temp table previous_dispute_event on commit drop as
select e.*
from core.ledger_event e
join (select distinct precinct_code, case_id from affected_case) a
  on e.ledger = 'dispute' and e.precinct_code = a.precinct_code and e.item_id = a.case_id;

delete from core.ledger_event e
using previous_dispute_event p
where e.ledger = p.ledger and e.precinct_code = p.precinct_code and e.item_id = p.item_id and e.event_date = p.event_date;

insert into core.ledger_event (ledger, precinct_code, item_id, event_date,
                               found_delta, closed_delta, referred_delta, escalated_delta)
with snapshot as (
    select s.*
    from core.dispute_snapshot s
    join (select distinct precinct_code, case_id from affected_case) a using (precinct_code, case_id)),
attributes as (
    select distinct on (precinct_code, case_id) precinct_code, case_id, reported_date, escalated
    from snapshot
    order by precinct_code, case_id, submission_date desc, line_no desc),
status_by_day as (
    select distinct on (precinct_code, case_id, status_date) precinct_code, case_id, status_date, status
    from snapshot
    order by precinct_code, case_id, status_date, submission_date desc, line_no desc),
-- A point's status is that of the last status date at or before it: the points are
-- numbered into groups that each start at a status date, and a group takes its first row's
-- status (window functions: a lookup per point would be quadratic in the night's cases).
change_point as (
    select precinct_code, case_id, point, max(status) as status
    from (select precinct_code, case_id, reported_date as point, null::text as status from attributes
          union all
          select precinct_code, case_id, status_date, status from status_by_day) p
    group by precinct_code, case_id, point),
status_group as (
    select c.*, count(c.status) over (partition by precinct_code, case_id order by point) as status_group
    from change_point c),
point_status as (
    select precinct_code, case_id, point,
           coalesce(first_value(status) over (partition by precinct_code, case_id, status_group order by point), 'open')
               as status
    from status_group),
indicator as (
    select c.precinct_code, c.case_id, c.point,
           (c.point >= a.reported_date)::int                                      as found,
           ((c.point >= a.reported_date) and c.status = 'resolved')::int          as resolved,
           ((c.point >= a.reported_date) and c.status = 'referred')::int          as referred,
           ((c.point >= a.reported_date) and a.escalated)::int                    as escalated
    from point_status c
    join attributes a using (precinct_code, case_id)),
delta as (
    select precinct_code, case_id, point,
           found - lag(found, 1, 0) over w         as found_delta,
           resolved - lag(resolved, 1, 0) over w   as closed_delta,
           referred - lag(referred, 1, 0) over w   as referred_delta,
           escalated - lag(escalated, 1, 0) over w as escalated_delta
    from indicator
    window w as (partition by precinct_code, case_id order by point))
select 'dispute', precinct_code, case_id, point, found_delta, closed_delta, referred_delta, escalated_delta
from delta
where found_delta <> 0 or closed_delta <> 0 or referred_delta <> 0 or escalated_delta <> 0;

with current_event as (
    select e.*
    from core.ledger_event e
    join (select distinct precinct_code, case_id from affected_case) a
      on e.ledger = 'dispute' and e.precinct_code = a.precinct_code and e.item_id = a.case_id),
changed as (
    (select * from previous_dispute_event except select * from current_event)
    union all
    (select * from current_event except select * from previous_dispute_event))
insert into mart.dirty (since)
select min(event_date) from changed having count(*) > 0;
