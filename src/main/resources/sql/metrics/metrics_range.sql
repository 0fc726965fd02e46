-- The days the metrics step must compute: from the earliest dirty day (or the campaign
-- start when the registry or the campaign start changed since the last computation) to the
-- latest submission date of an active file. Days never computed yet (computed_through
-- onward) are always included, so the running counts continue from a computed day.
select (select max(submission_date) from ingest.file where active)           as last_day,
       (select min(since) from mart.dirty)                                   as dirty_since,
       (select max(metric_date) from mart.precinct_daily)                    as computed_through,
       coalesce((select registry_load_id <> (select max(load_id) from registry.load)
                        or campaign_start <> :campaignStart::date
                 from mart.state), true)                                     as recompute_all
