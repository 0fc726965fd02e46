-- Core: the active data. Only rows of active files (the highest version of each precinct,
-- date and kind) live here, so these tables are a function of the set of files ingested,
-- never of their order. Rows are identified by (precinct, submission date, line): one
-- active file per precinct, date and kind makes that unique.
create schema core;

-- Visits and inspections: every loaded row of the active files, then the resolved entity
-- per key (latest submission date, then later line, wins).
create table core.visit_row (
    precinct_code   text    not null,
    submission_date date    not null,
    line_no         integer not null,
    visit_id        text    not null,
    visit_date      date    not null,
    officer_id      text    not null,
    target_type     text    not null,
    target_code     text    not null,
    persons_reached integer not null,
    issues_found    integer not null,
    note            text,
    primary key (precinct_code, submission_date, line_no)
);
create index on core.visit_row (precinct_code, visit_id);

create table core.visit (
    precinct_code   text    not null,
    visit_id        text    not null,
    submission_date date    not null,
    line_no         integer not null,
    visit_date      date    not null,
    officer_id      text    not null,
    target_type     text    not null,
    target_code     text    not null,
    persons_reached integer not null,
    issues_found    integer not null,
    note            text,
    primary key (precinct_code, visit_id)
);
create index on core.visit (visit_date);

create table core.inspection_row (
    precinct_code      text    not null,
    submission_date    date    not null,
    line_no            integer not null,
    inspection_id      text    not null,
    inspection_date    date    not null,
    venue_id           text    not null,
    violations_found   integer not null,
    violations_handled integer not null,
    primary key (precinct_code, submission_date, line_no)
);
create index on core.inspection_row (precinct_code, inspection_id);

create table core.inspection (
    precinct_code      text    not null,
    inspection_id      text    not null,
    submission_date    date    not null,
    line_no            integer not null,
    inspection_date    date    not null,
    venue_id           text    not null,
    violations_found   integer not null,
    violations_handled integer not null,
    primary key (precinct_code, inspection_id)
);
create index on core.inspection (inspection_date);

-- Case and hazard ledgers: every snapshot of the active files is kept, so the status on
-- any day can be derived (contract section 4).
create table core.dispute_snapshot (
    precinct_code   text    not null,
    submission_date date    not null,
    line_no         integer not null,
    case_id         text    not null,
    reported_date   date    not null,
    dispute_type    text    not null,
    unit_code       text    not null,
    status          text    not null,
    status_date     date    not null,
    mechanism       text,
    escalated       boolean not null,
    note            text,
    primary key (precinct_code, submission_date, line_no)
);
create index on core.dispute_snapshot (precinct_code, case_id);

create table core.hazard_snapshot (
    precinct_code   text    not null,
    submission_date date    not null,
    line_no         integer not null,
    hazard_id       text    not null,
    found_date      date    not null,
    category        text    not null,
    unit_code       text    not null,
    status          text    not null,
    status_date     date    not null,
    primary key (precinct_code, submission_date, line_no)
);
create index on core.hazard_snapshot (precinct_code, hazard_id);
