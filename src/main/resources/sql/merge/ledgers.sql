-- The case and hazard ledgers (contract sections 4 and 5), both in one pass through the
-- shape they share (core.ledger_snapshot): the snapshots of files no longer in use leave,
-- the new active files' are written already; then the events (core.ledger_event), their sums
-- per precinct and day (core.ledger_per_day, what the metrics read) and the state
-- (core.ledger_item) of every item (case or hazard) the night touched follow, and only of those.
--
-- An item's attributes (start date, escalated) come from its latest snapshot by (submission
-- date, line); its status on day D is that of its latest snapshot with status_date <= D by
-- (status_date, submission date, line), open when there is none. The item counts on D as
-- found when its start date <= D, closed (resolved, rectified) or referred when also its
-- status on D is, escalated when also flagged. Events are the days those indicators change,
-- with +1/-1; a sum of deltas up to D is the item's contribution to the ctd counts of day D.
--
-- Most items a night touches only gain one snapshot that extends what they had: the latest,
-- with the same attributes, its status date not before the last. Their events follow from
-- their state alone (an event at the new status date, or the last one adjusted); every other
-- touched item is recomputed from all its snapshots.
create temp table touched_item (ledger text, precinct_code text, item_id text, left_core boolean) on commit drop;

-- The ranges of file ids that leave and that arrive: through the snapshots' index on file_id
-- they bound what a night reads of the snapshot tables to its own files, never all of history.
create temp table leaving_file_range on commit drop as
select min(file_id) as first_id, max(file_id) as last_id
from version_change where kind in ('disputes', 'hazards') and not now_active;

create temp table arriving_file_range on commit drop as
select min(file_id) as first_id, max(file_id) as last_id
from version_change where kind in ('disputes', 'hazards') and now_active;

with gone as (
    delete from core.dispute_snapshot s
    using version_change c
    where c.kind = 'disputes' and not c.now_active and s.file_id = c.file_id
      and s.file_id between (select first_id from leaving_file_range) and (select last_id from leaving_file_range)
    returning s.precinct_code, s.case_id)
insert into touched_item
select 'dispute', precinct_code, case_id, true from gone;

with gone as (
    delete from core.hazard_snapshot s
    using version_change c
    where c.kind = 'hazards' and not c.now_active and s.file_id = c.file_id
      and s.file_id between (select first_id from leaving_file_range) and (select last_id from leaving_file_range)
    returning s.precinct_code, s.hazard_id)
insert into touched_item
select 'hazard', precinct_code, hazard_id, true from gone;

create temp table arriving_snapshot on commit drop as
select 'dispute' as ledger, s.precinct_code, s.case_id as item_id, s.submission_date, s.line_no,
       s.reported_date as start_date, s.status, s.status_date, s.escalated
from core.dispute_snapshot s
join version_change c on c.file_id = s.file_id and c.kind = 'disputes' and c.now_active
where s.file_id between (select first_id from arriving_file_range) and (select last_id from arriving_file_range)
union all
select 'hazard', s.precinct_code, s.hazard_id, s.submission_date, s.line_no, s.found_date, s.status, s.status_date, false
from core.hazard_snapshot s
join version_change c on c.file_id = s.file_id and c.kind = 'hazards' and c.now_active
where s.file_id between (select first_id from arriving_file_range) and (select last_id from arriving_file_range);

create temp table affected_item on commit drop as
select ledger, precinct_code, item_id, count(*) filter (where not left_core) as arriving, bool_or(left_core) as left_core
from (select ledger, precinct_code, item_id, left_core from touched_item
      union all
      select ledger, precinct_code, item_id, false from arriving_snapshot) touched
group by ledger, precinct_code, item_id;

-- temporary tables get no statistics by themselves, and the statements below join on these
analyze arriving_snapshot;
analyze affected_item;

-- The items whose one new snapshot extends what they had (or starts a new item).
create temp table appended_item on commit drop as
select n.*, i.last_status_date, i.last_status, i.item_id is null as new_item
from affected_item a
join arriving_snapshot n using (ledger, precinct_code, item_id)
left join core.ledger_item i using (ledger, precinct_code, item_id)
where a.arriving = 1 and not a.left_core
  and (i.item_id is null
       or ((n.submission_date, n.line_no) > (i.latest_submission_date, i.latest_line_no)
           and n.start_date = i.start_date and n.escalated = i.escalated and n.status_date >= i.last_status_date));

analyze appended_item;

-- Their event changes: a new item is found (and escalated) from its start and takes its status
-- from its status date; an item it had changes status at the new status date, from the status
-- it had there (at or after its last status date, that is its last status).
create temp table appended_event on commit drop as
select ledger, precinct_code, item_id, event_date, sum(found_delta) as found_delta, sum(closed_delta) as closed_delta,
       sum(referred_delta) as referred_delta, sum(escalated_delta) as escalated_delta
from (select ledger, precinct_code, item_id, start_date as event_date, 1 as found_delta, 0 as closed_delta,
             0 as referred_delta, escalated::int as escalated_delta
      from appended_item
      where new_item
      union all
      select ledger, precinct_code, item_id, status_date, 0,
             (status in ('resolved', 'rectified'))::int
                 - (not new_item and last_status in ('resolved', 'rectified'))::int,
             (status = 'referred')::int - (not new_item and last_status = 'referred')::int, 0
      from appended_item) change
group by ledger, precinct_code, item_id, event_date
having sum(found_delta) <> 0 or sum(closed_delta) <> 0 or sum(referred_delta) <> 0 or sum(escalated_delta) <> 0;

-- An event whose changes cancelled out is no event: the upsert returns those, and only those
-- are probed to be deleted (a join of all the night's events would read every event of history).
create temp table cancelled_event (ledger text, precinct_code text, item_id text, event_date date) on commit drop;

with written as (
    insert into core.ledger_event as e (ledger, precinct_code, item_id, event_date,
                                        found_delta, closed_delta, referred_delta, escalated_delta)
    select ledger, precinct_code, item_id, event_date, found_delta, closed_delta, referred_delta, escalated_delta
    from appended_event
    on conflict (ledger, precinct_code, item_id, event_date) do update
    set found_delta     = e.found_delta + excluded.found_delta,
        closed_delta    = e.closed_delta + excluded.closed_delta,
        referred_delta  = e.referred_delta + excluded.referred_delta,
        escalated_delta = e.escalated_delta + excluded.escalated_delta
    returning e.*)
insert into cancelled_event
select ledger, precinct_code, item_id, event_date
from written
where (found_delta, closed_delta, referred_delta, escalated_delta) = (0, 0, 0, 0);

analyze cancelled_event;

delete from core.ledger_event e
using cancelled_event c
where e.ledger = c.ledger and e.precinct_code = c.precinct_code and e.item_id = c.item_id
  and e.event_date = c.event_date;

insert into core.ledger_item as i (ledger, precinct_code, item_id, start_date, escalated, latest_submission_date,
                                   latest_line_no, last_status_date, last_status)
select ledger, precinct_code, item_id, start_date, escalated, submission_date, line_no, status_date, status
from appended_item
on conflict (ledger, precinct_code, item_id) do update
set latest_submission_date = excluded.latest_submission_date,
    latest_line_no         = excluded.latest_line_no,
    last_status_date       = excluded.last_status_date,
    last_status            = excluded.last_status;

insert into mart.dirty (since, component)
select min(event_date), 'ledgers' from appended_event having count(*) > 0;

-- Every other touched item is recomputed from all its snapshots.
create temp table recomputed_item on commit drop as
select ledger, precinct_code, item_id
from affected_item a
where not exists (select 1 from appended_item p
                  where p.ledger = a.ledger and p.precinct_code = a.precinct_code and p.item_id = a.item_id);

analyze recomputed_item;

-- Their snapshots, probed once for their events and their state below (each ledger's table
-- by its own items: probing both tables for every item costs twice).
create temp table recomputed_snapshot on commit drop as
select s.*
from (select * from recomputed_item where ledger = 'dispute') a
join core.ledger_snapshot s on s.ledger = 'dispute' and s.precinct_code = a.precinct_code and s.item_id = a.item_id
union all
select s.*
from (select * from recomputed_item where ledger = 'hazard') a
join core.ledger_snapshot s on s.ledger = 'hazard' and s.precinct_code = a.precinct_code and s.item_id = a.item_id;

-- Their events as the snapshots now say, beside the events they had:
-- only the events that differ are written, and the earliest of them is where the metrics
-- change (an item's events mostly stay as they were when a new snapshot repeats its status).
create temp table computed_event on commit drop as
with attributes as (
    select distinct on (ledger, precinct_code, item_id) ledger, precinct_code, item_id, start_date, escalated
    from recomputed_snapshot
    order by ledger, precinct_code, item_id, submission_date desc, line_no desc),
status_by_day as (
    select distinct on (ledger, precinct_code, item_id, status_date) ledger, precinct_code, item_id, status_date, status
    from recomputed_snapshot
    order by ledger, precinct_code, item_id, status_date, submission_date desc, line_no desc),
-- A point's status is that of the last status date at or before it: the points are
-- numbered into groups that each start at a status date, and a group takes its first row's
-- status (window functions: a lookup per point would be quadratic in the night's items).
change_point as (
    select ledger, precinct_code, item_id, point, max(status) as status
    from (select ledger, precinct_code, item_id, start_date as point, null::text as status from attributes
          union all
          select ledger, precinct_code, item_id, status_date, status from status_by_day) p
    group by ledger, precinct_code, item_id, point),
status_group as (
    select c.*, count(c.status) over (partition by ledger, precinct_code, item_id order by point) as status_group
    from change_point c),
point_status as (
    select ledger, precinct_code, item_id, point,
           coalesce(first_value(status) over (partition by ledger, precinct_code, item_id, status_group
                                              order by point), 'open') as status
    from status_group),
indicator as (
    select c.ledger, c.precinct_code, c.item_id, c.point,
           (c.point >= a.start_date)::int                                                  as found,
           ((c.point >= a.start_date) and c.status in ('resolved', 'rectified'))::int      as closed,
           ((c.point >= a.start_date) and c.status = 'referred')::int                      as referred,
           ((c.point >= a.start_date) and a.escalated)::int                                as escalated
    from point_status c
    join attributes a using (ledger, precinct_code, item_id)),
delta as (
    select ledger, precinct_code, item_id, point,
           found - lag(found, 1, 0) over w         as found_delta,
           closed - lag(closed, 1, 0) over w       as closed_delta,
           referred - lag(referred, 1, 0) over w   as referred_delta,
           escalated - lag(escalated, 1, 0) over w as escalated_delta
    from indicator
    window w as (partition by ledger, precinct_code, item_id order by point))
select ledger, precinct_code, item_id, point, found_delta, closed_delta, referred_delta, escalated_delta
from delta
where found_delta <> 0 or closed_delta <> 0 or referred_delta <> 0 or escalated_delta <> 0;

analyze computed_event;

create temp table changed_event on commit drop as
with previous as (
    select e.*
    from core.ledger_event e
    join recomputed_item a using (ledger, precinct_code, item_id))
select coalesce(n.ledger, p.ledger) as ledger, coalesce(n.precinct_code, p.precinct_code) as precinct_code,
       coalesce(n.item_id, p.item_id) as item_id, coalesce(n.point, p.event_date) as event_date,
       p.event_date is not null as was, n.point is not null as is_now,
       n.found_delta, n.closed_delta, n.referred_delta, n.escalated_delta,
       p.found_delta as was_found_delta, p.closed_delta as was_closed_delta,
       p.referred_delta as was_referred_delta, p.escalated_delta as was_escalated_delta
from computed_event n
full join previous p
  on p.ledger = n.ledger and p.precinct_code = n.precinct_code and p.item_id = n.item_id and p.event_date = n.point
where n.point is null or p.event_date is null
   or (n.found_delta, n.closed_delta, n.referred_delta, n.escalated_delta)
      <> (p.found_delta, p.closed_delta, p.referred_delta, p.escalated_delta);

delete from core.ledger_event e
using changed_event c
where c.was and e.ledger = c.ledger and e.precinct_code = c.precinct_code and e.item_id = c.item_id
  and e.event_date = c.event_date;

insert into core.ledger_event (ledger, precinct_code, item_id, event_date,
                               found_delta, closed_delta, referred_delta, escalated_delta)
select ledger, precinct_code, item_id, event_date, found_delta, closed_delta, referred_delta, escalated_delta
from changed_event
where is_now;

-- The sums per precinct and day move by the events appended, and, for the items recomputed,
-- from the events they had to those they have now.
insert into core.ledger_per_day as d (ledger, precinct_code, event_date,
                                      found_delta, closed_delta, referred_delta, escalated_delta)
select ledger, precinct_code, event_date, sum(found_delta), sum(closed_delta), sum(referred_delta), sum(escalated_delta)
from (select ledger, precinct_code, event_date, found_delta, closed_delta, referred_delta, escalated_delta
      from appended_event
      union all
      select ledger, precinct_code, event_date,
             coalesce(found_delta, 0) - coalesce(was_found_delta, 0),
             coalesce(closed_delta, 0) - coalesce(was_closed_delta, 0),
             coalesce(referred_delta, 0) - coalesce(was_referred_delta, 0),
             coalesce(escalated_delta, 0) - coalesce(was_escalated_delta, 0)
      from changed_event) change
group by ledger, precinct_code, event_date
on conflict (ledger, precinct_code, event_date) do update
set found_delta     = d.found_delta + excluded.found_delta,
    closed_delta    = d.closed_delta + excluded.closed_delta,
    referred_delta  = d.referred_delta + excluded.referred_delta,
    escalated_delta = d.escalated_delta + excluded.escalated_delta;

insert into mart.dirty (since, component)
select min(event_date), 'ledgers' from changed_event having count(*) > 0;

-- and their state, as their snapshots now say (none left: no state)
delete from core.ledger_item i
using recomputed_item r
where i.ledger = r.ledger and i.precinct_code = r.precinct_code and i.item_id = r.item_id;

insert into core.ledger_item (ledger, precinct_code, item_id, start_date, escalated, latest_submission_date,
                              latest_line_no, last_status_date, last_status)
with latest as (
    select distinct on (ledger, precinct_code, item_id) *
    from recomputed_snapshot
    order by ledger, precinct_code, item_id, submission_date desc, line_no desc),
last_status as (
    select distinct on (ledger, precinct_code, item_id) *
    from recomputed_snapshot
    order by ledger, precinct_code, item_id, status_date desc, submission_date desc, line_no desc)
select l.ledger, l.precinct_code, l.item_id, l.start_date, l.escalated, l.submission_date, l.line_no,
       s.status_date, s.status
from latest l
join last_status s using (ledger, precinct_code, item_id);
