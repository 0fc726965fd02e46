-- core.target_first_visit (contract section 5, coverage): the first date any precinct
-- visited a unit (by a household, village or community visit) or an enterprise (by an
-- enterprise visit), for the targets whose winning visits changed tonight (winners.sql).
-- A target that gained a visit keeps the earlier of its first visit and that visit's date.
-- A target that lost the visit of its first date, and gained none as early, is the only one
-- recomputed from its visits, probing each day's partition by target: rare, so a night
-- costs what its own visits cost, never what a target's history costs.
create temp table gained_target on commit drop as
select case when target_type = 'enterprise' then 'enterprise' else 'unit' end as target_kind, target_code,
       min(visit_date) as first_gained
from (select target_type, target_code, item_date as visit_date from arriving_visits where best
      union all
      select target_type, target_code, visit_date from winner_change_visits where change = 'gained') gained
where target_type <> 'venue'
group by 1, 2;

create temp table lost_target on commit drop as
select distinct case when target_type = 'enterprise' then 'enterprise' else 'unit' end as target_kind,
                target_code, visit_date
from winner_change_visits
where change = 'lost' and target_type <> 'venue';

analyze gained_target;
analyze lost_target;

insert into core.target_first_visit (target_kind, target_code, first_visit_date)
select target_kind, target_code, first_gained
from gained_target
on conflict (target_kind, target_code)
do update set first_visit_date = least(core.target_first_visit.first_visit_date, excluded.first_visit_date);

create temp table recomputed_target on commit drop as
select t.target_kind, t.target_code,
       (select min(v.visit_date)
        from core.visit v
        where v.target_code = t.target_code
          and v.target_type <> 'venue'
          and (v.target_type = 'enterprise') = (t.target_kind = 'enterprise')) as first_visit_date
from core.target_first_visit t
where exists (select 1 from lost_target l
              where l.target_kind = t.target_kind and l.target_code = t.target_code
                and l.visit_date = t.first_visit_date)
  and not exists (select 1 from gained_target g
                  where g.target_kind = t.target_kind and g.target_code = t.target_code
                    and g.first_gained <= t.first_visit_date);

delete from core.target_first_visit t
using recomputed_target r
where r.target_kind = t.target_kind and r.target_code = t.target_code and r.first_visit_date is null;

update core.target_first_visit t
set first_visit_date = r.first_visit_date
from recomputed_target r
where r.target_kind = t.target_kind and r.target_code = t.target_code and r.first_visit_date is not null;
