-- Who holds the pipeline's advisory lock (one run at a time across reference, nightly,
-- rerun and schedule), so that a second launch can name the running one.
create schema pipeline;

create table pipeline.lock_holder (
    singleton  boolean primary key default true check (singleton),
    command    text        not null,
    started_at timestamptz not null,
    pid        bigint      not null,
    host       text        not null
);
