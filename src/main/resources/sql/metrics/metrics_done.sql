-- The mart is current: forget the dirty days, remember what it was computed with, and drop
-- days past the last submission date (a rerun can take the last active file away).
delete from mart.dirty;
delete from mart.precinct_daily where metric_date > :lastDay or metric_date < :campaignStart;
delete from mart.daily_org_metrics where metric_date > :lastDay or metric_date < :campaignStart;
insert into mart.state (registry_load_id, campaign_start)
select max(load_id), :campaignStart::date from registry.load
on conflict (singleton) do update
set registry_load_id = excluded.registry_load_id, campaign_start = excluded.campaign_start;
