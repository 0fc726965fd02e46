-- The days the metrics step must compute, part by part: from the earliest day each part's
-- inputs changed (mart.dirty; 'all' when every part did) — or from the campaign start when
-- the registry or the campaign start changed since the last computation — to the latest
-- submission date of an active file. Days never computed yet (after computed_through) are
-- always computed, so running counts continue from a computed day.
select (select max(submission_date) from ingest.file where active)                              as last_day,
       (select min(since) from mart.dirty where component in ('visits', 'all'))                 as visits_since,
       (select min(since) from mart.dirty where component in ('inspections', 'all'))            as inspections_since,
       (select min(since) from mart.dirty where component in ('ledgers', 'all'))                as ledgers_since,
       (select min(since) from mart.dirty where component in ('reporting', 'all'))             as reporting_since,
       (select max(metric_date) from mart.precinct_daily)                                       as computed_through,
       coalesce((select registry_load_id <> (select max(load_id) from registry.load)
                        or campaign_start <> :campaignStart::date
                 from mart.state), true)                                                        as recompute_all
