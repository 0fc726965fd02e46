-- core.target_first_visit for the units and enterprises whose visits changed tonight: the
-- first date any precinct visited them (units by household/village/community visits,
-- enterprises by enterprise visits). changed_visit already marked the metrics dirty from
-- the earliest changed visit, which is no later than any first visit that moved.
create temp table affected_target on commit drop as
select distinct case when target_type = 'enterprise' then 'enterprise' else 'unit' end as target_kind, target_code
from changed_visit
where target_type in ('household', 'village', 'community', 'enterprise');

delete from core.target_first_visit t
using affected_target a
where t.target_kind = a.target_kind and t.target_code = a.target_code;

insert into core.target_first_visit (target_kind, target_code, first_visit_date)
select a.target_kind, a.target_code, min(v.visit_date)
from affected_target a
join core.visit v
  on v.target_code = a.target_code
 and (case when v.target_type = 'enterprise' then 'enterprise' else 'unit' end) = a.target_kind
 and v.target_type <> 'venue'
group by a.target_kind, a.target_code;
