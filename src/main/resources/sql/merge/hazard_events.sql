-- core.ledger_event for the hazards touched tonight, by the same rules as cases: found
-- date from the latest snapshot by (submission date, line); status on D from the latest
-- snapshot with status_date <= D by (status_date, submission date, line), open when none.
-- The events before tonight, to mark dirty only the days whose events really changed.
create temp table previous_hazard_event on commit drop as
select e.*
from core.ledger_event e
join (select distinct precinct_code, hazard_id from affected_hazard) a
  on e.ledger = 'hazard' and e.precinct_code = a.precinct_code and e.item_id = a.hazard_id;

delete from core.ledger_event e
using previous_hazard_event p
where e.ledger = p.ledger and e.precinct_code = p.precinct_code and e.item_id = p.item_id and e.event_date = p.event_date;

insert into core.ledger_event (ledger, precinct_code, item_id, event_date,
                               found_delta, closed_delta, referred_delta, escalated_delta)
with snapshot as (
    select s.*
    from core.hazard_snapshot s
    join (select distinct precinct_code, hazard_id from affected_hazard) a using (precinct_code, hazard_id)),
attributes as (
    select distinct on (precinct_code, hazard_id) precinct_code, hazard_id, found_date
    from snapshot
    order by precinct_code, hazard_id, submission_date desc, line_no desc),
status_by_day as (
    select distinct on (precinct_code, hazard_id, status_date) precinct_code, hazard_id, status_date, status
    from snapshot
    order by precinct_code, hazard_id, status_date, submission_date desc, line_no desc),
-- A point's status is that of the last status date at or before it: the points are
-- numbered into groups that each start at a status date, and a group takes its first row's
-- status (window functions: a lookup per point would be quadratic in the night's hazards).
change_point as (
    select precinct_code, hazard_id, point, max(status) as status
    from (select precinct_code, hazard_id, found_date as point, null::text as status from attributes
          union all
          select precinct_code, hazard_id, status_date, status from status_by_day) p
    group by precinct_code, hazard_id, point),
status_group as (
    select c.*, count(c.status) over (partition by precinct_code, hazard_id order by point) as status_group
    from change_point c),
point_status as (
    select precinct_code, hazard_id, point,
           coalesce(first_value(status) over (partition by precinct_code, hazard_id, status_group order by point), 'open')
               as status
    from status_group),
indicator as (
    select c.precinct_code, c.hazard_id, c.point,
           (c.point >= a.found_date)::int                                      as found,
           ((c.point >= a.found_date) and c.status = 'rectified')::int         as rectified
    from point_status c
    join attributes a using (precinct_code, hazard_id)),
delta as (
    select precinct_code, hazard_id, point,
           found - lag(found, 1, 0) over w         as found_delta,
           rectified - lag(rectified, 1, 0) over w as closed_delta
    from indicator
    window w as (partition by precinct_code, hazard_id order by point))
select 'hazard', precinct_code, hazard_id, point, found_delta, closed_delta, 0, 0
from delta
where found_delta <> 0 or closed_delta <> 0;

with current_event as (
    select e.*
    from core.ledger_event e
    join (select distinct precinct_code, hazard_id from affected_hazard) a
      on e.ledger = 'hazard' and e.precinct_code = a.precinct_code and e.item_id = a.hazard_id),
changed as (
    (select * from previous_hazard_event except select * from current_event)
    union all
    (select * from current_event except select * from previous_hazard_event))
insert into mart.dirty (since)
select min(event_date) from changed having count(*) > 0;
