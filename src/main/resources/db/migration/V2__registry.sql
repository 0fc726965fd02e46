-- Reference data (contract section 1). The current registry lives in these tables;
-- registry.load keeps the history of successful loads. A failed load rolls back and
-- leaves them untouched, so the previous registry stays in force.
create schema registry;

create table registry.load (
    load_id        bigserial primary key,
    loaded_at      timestamptz not null default now(),
    source_dir     text        not null,
    regions        integer     not null,
    precincts      integer     not null,
    jurisdiction   integer     not null,
    enterprises    integer     not null,
    venues         integer     not null
);

create table registry.region (
    code        text primary key,
    name        text not null,
    level       text not null check (level in ('region', 'city', 'county', 'township', 'village', 'community')),
    parent_code text references registry.region (code) deferrable initially deferred
);

create table registry.precinct (
    precinct_code text primary key,
    name          text    not null,
    county_code   text    not null references registry.region (code) deferrable initially deferred,
    active        boolean not null
);

-- Every village or community (unit) belongs to exactly one precinct.
create table registry.jurisdiction (
    unit_code     text primary key references registry.region (code) deferrable initially deferred,
    precinct_code text not null references registry.precinct (precinct_code) deferrable initially deferred
);
create index on registry.jurisdiction (precinct_code);

create table registry.enterprise (
    credit_code text primary key,
    name        text    not null,
    unit_code   text    not null references registry.region (code) deferrable initially deferred,
    is_key      boolean not null
);

create table registry.venue (
    venue_id   text primary key,
    name       text not null,
    venue_type text not null,
    unit_code  text not null references registry.region (code) deferrable initially deferred
);

-- GB 32100-2015 unified social credit code: 18 characters from a 31-symbol alphabet
-- (no I, O, S, V, Z); the 18th is the check character over the first 17 with weights
-- 3^(i-1) mod 31. The one implementation of the rule, used by the registry load (every
-- enterprise) and by ingest (R07 on visit targets).
create function registry.credit_code_is_valid(code text) returns boolean
    language sql immutable strict parallel safe as
$$
select code ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'
   and substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
              (31 - (select sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, i, 1)) - 1)
                                * (array [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])[i])
                     from generate_series(1, 17) as i)::integer % 31) % 31 + 1, 1)
       = substr(code, 18, 1)
$$;

-- Staging for one load: every column as text, exactly as read, with its physical line.
create unlogged table registry.stage_regions (
    line_no int not null, field_count int not null, expected_fields int not null, code text, name text, level text, parent_code text);
create unlogged table registry.stage_precincts (
    line_no int not null, field_count int not null, expected_fields int not null, precinct_code text, name text, county_code text, active text);
create unlogged table registry.stage_jurisdiction (
    line_no int not null, field_count int not null, expected_fields int not null, precinct_code text, unit_code text);
create unlogged table registry.stage_enterprises (
    line_no int not null, field_count int not null, expected_fields int not null, credit_code text, name text, unit_code text, key text);
create unlogged table registry.stage_venues (
    line_no int not null, field_count int not null, expected_fields int not null, venue_id text, name text, venue_type text, unit_code text);
