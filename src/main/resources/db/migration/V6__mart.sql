-- Derived core tables the metrics read, kept current by the merge for the keys a night
-- touches, and the mart of contract section 5.

-- First visit of every unit (village/community, by visits of type household, village or
-- community) and every enterprise (by visits of type enterprise), whoever visited.
create table core.target_first_visit (
    target_kind      text not null check (target_kind in ('unit', 'enterprise')),
    target_code      text not null,
    first_visit_date date not null,
    primary key (target_kind, target_code)
);
create index on core.target_first_visit (first_visit_date);
create index on core.visit (target_code);

-- The case and hazard ledgers as changes of their counts: on event_date the item starts
-- counting as found (+1), resolved/rectified, referred or escalated (+1), or stops (-1).
-- A sum of deltas up to D is the item's contribution to the ctd counts of day D.
create table core.ledger_event (
    ledger          text    not null check (ledger in ('dispute', 'hazard')),
    precinct_code   text    not null,
    item_id         text    not null,
    event_date      date    not null,
    found_delta     integer not null,
    closed_delta    integer not null,
    referred_delta  integer not null,
    escalated_delta integer not null,
    primary key (ledger, precinct_code, item_id, event_date)
);
create index on core.ledger_event (event_date);

create schema mart;

-- The earliest date whose metrics an ingest changed; the metrics step recomputes from there.
create table mart.dirty (
    since date not null
);

-- What the mart was last computed with: a new registry or campaign start recomputes all.
create table mart.state (
    singleton         boolean primary key default true check (singleton),
    registry_load_id  bigint not null,
    campaign_start    date   not null
);

-- One row per precinct and day: the day's counts and the running (ctd) counts, with units
-- and key enterprises attributed to the precinct whose jurisdiction holds them.
create table mart.precinct_daily (
    metric_date                 date    not null,
    precinct_code               text    not null,
    visits_day                  integer not null,
    visits_ctd                  integer not null,
    persons_reached_day         integer not null,
    persons_reached_ctd         bigint  not null,
    units_visited_ctd           integer not null,
    key_enterprises_visited_ctd integer not null,
    disputes_found_ctd          integer not null,
    disputes_resolved_ctd       integer not null,
    disputes_referred_ctd       integer not null,
    disputes_escalated_ctd      integer not null,
    hazards_found_ctd           integer not null,
    hazards_rectified_ctd       integer not null,
    inspections_ctd             integer not null,
    violations_found_ctd        integer not null,
    violations_handled_ctd      integer not null,
    reported_day                integer not null,
    primary key (metric_date, precinct_code)
);

-- Contract section 5, one row per (metric_date, org_level, org_code).
create table mart.daily_org_metrics (
    metric_date                 date    not null,
    org_level                   text    not null check (org_level in ('precinct', 'county', 'city', 'region')),
    org_code                    text    not null,
    org_name                    text    not null,
    visits_day                  bigint  not null,
    visits_ctd                  bigint  not null,
    persons_reached_day         bigint  not null,
    persons_reached_ctd         bigint  not null,
    units_total                 bigint  not null,
    units_visited_ctd           bigint  not null,
    unit_coverage               numeric,
    key_enterprises_total       bigint  not null,
    key_enterprises_visited_ctd bigint  not null,
    enterprise_coverage         numeric,
    disputes_found_ctd          bigint  not null,
    disputes_resolved_ctd       bigint  not null,
    disputes_referred_ctd       bigint  not null,
    dispute_resolution_rate     numeric,
    disputes_escalated_ctd      bigint  not null,
    hazards_found_ctd           bigint  not null,
    hazards_rectified_ctd       bigint  not null,
    hazard_rectification_rate   numeric,
    inspections_ctd             bigint  not null,
    violations_found_ctd        bigint  not null,
    violations_handled_ctd      bigint  not null,
    precincts_expected          bigint  not null,
    precincts_reported_day      bigint  not null,
    reporting_coverage          numeric,
    primary key (metric_date, org_level, org_code)
);

-- Who did not report (contract section 6): per date, the active precincts without an
-- active file for that date (a header-only zero report counts as reported).
create view mart.unreported_precincts as
select d.metric_date,
       p.precinct_code,
       p.name       as precinct_name,
       county.code  as county_code,
       county.name  as county_name,
       city.code    as city_code,
       city.name    as city_name
from mart.precinct_daily d
join registry.precinct p on p.precinct_code = d.precinct_code
join registry.region county on county.code = p.county_code
left join registry.region city on city.code = county.parent_code
where p.active and d.reported_day = 0;
