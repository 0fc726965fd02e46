-- What the metrics read of the case and hazard ledgers: their events summed per precinct and
-- day. The merge moves these sums by the events a night adds, changes and removes, so the
-- metrics of a day read that day's sums, never every event of history (precinct_daily.sql
-- read core.ledger_event itself until 3 December 2026: a scan of every event, 4.4 million
-- after two national weeks, whenever an item touched that night went back to the campaign's
-- first days). A day whose sums fall to nothing keeps a row of zeros.
create table core.ledger_per_day (
    ledger          text    not null check (ledger in ('dispute', 'hazard')),
    precinct_code   text    not null,
    event_date      date    not null,
    found_delta     integer not null,
    closed_delta    integer not null,
    referred_delta  integer not null,
    escalated_delta integer not null,
    primary key (ledger, precinct_code, event_date)
);
insert into core.ledger_per_day
select ledger, precinct_code, event_date, sum(found_delta), sum(closed_delta), sum(referred_delta), sum(escalated_delta)
from core.ledger_event
group by ledger, precinct_code, event_date;

-- The events are now read only by item (ledgers.sql): their index by date was the metrics'
-- and is only written.
drop index core.ledger_event_event_date_idx;
