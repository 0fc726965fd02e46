-- core.target_first_visit for the units and enterprises whose visits changed tonight: the
-- first date any precinct visited them (units by household/village/community visits,
-- enterprises by enterprise visits). A target that lost a visit tonight (a version replaced,
-- a key won by another row, a rerun) is recomputed from core.visit; one that only gained
-- visits keeps the earlier of its recorded first visit and tonight's, so a night costs what
-- its own visits cost, not what the targets' whole history costs. changed_visit already
-- marked the metrics dirty from the earliest changed visit, which is no later than any
-- first visit that moved.
create temp table affected_target on commit drop as
select case when target_type = 'enterprise' then 'enterprise' else 'unit' end as target_kind, target_code,
       bool_or(change = 'removed')                       as lost_a_visit,
       min(visit_date) filter (where change = 'added')   as first_added
from changed_visit
where target_type in ('household', 'village', 'community', 'enterprise')
group by 1, 2;

analyze affected_target;

delete from core.target_first_visit t
using affected_target a
where a.lost_a_visit and t.target_kind = a.target_kind and t.target_code = a.target_code;

insert into core.target_first_visit (target_kind, target_code, first_visit_date)
select a.target_kind, a.target_code, min(v.visit_date)
from affected_target a
join core.visit v
  on v.target_code = a.target_code
 and (case when v.target_type = 'enterprise' then 'enterprise' else 'unit' end) = a.target_kind
 and v.target_type <> 'venue'
where a.lost_a_visit
group by a.target_kind, a.target_code;

insert into core.target_first_visit (target_kind, target_code, first_visit_date)
select target_kind, target_code, first_added
from affected_target
where not lost_a_visit
on conflict (target_kind, target_code)
do update set first_visit_date = least(core.target_first_visit.first_visit_date, excluded.first_visit_date);
