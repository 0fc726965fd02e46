-- Contract section 4 for ${kind}: of the rows sharing a key (precinct, ${id}) — in different
-- files or in one file — the row from the latest submission date wins, then the later line.
-- ${keys} holds each key's winner and ${beaten} every other row of the key, so together
-- they list every row of every key: a night settles the keys it touches by probing those two
-- tables, never by reading the rows of earlier nights. One file for visits and inspections.
--
-- winner_change_${kind} records the rows that stopped or started winning, except tonight's
-- rows that won a key nobody held (the bulk of a night, found again by the statements that
-- follow as tonight's rows outside ${beaten}).

create temp table winner_change_${kind} (change text, submission_date date, file_id bigint, line_no integer,
                                         item_date date, left_core boolean) on commit drop;

-- 1. Rows of files no longer in use leave; a key whose winner left is settled in 3.
create temp table leaving_${kind} on commit drop as
with gone as (
    delete from ${rows} r
    using version_change c
    where c.kind = '${kind}' and not c.now_active and r.file_id = c.file_id
    returning r.*)
select * from gone;

create temp table unsettled_${kind} (precinct_code text, ${id} text) on commit drop;

with gone as (
    delete from ${keys} k
    using leaving_${kind} l
    where k.precinct_code = l.precinct_code and k.${id} = l.${id} and k.file_id = l.file_id and k.line_no = l.line_no
    returning k.precinct_code, k.${id}, k.submission_date, k.file_id, k.line_no),
lost as (
    insert into winner_change_${kind}
    select 'lost', g.submission_date, g.file_id, g.line_no, l.${date}, true
    from gone g
    join leaving_${kind} l on l.file_id = g.file_id and l.line_no = g.line_no)
insert into unsettled_${kind}
select precinct_code, ${id} from gone;

delete from ${beaten} b
using leaving_${kind} l
where b.file_id = l.file_id and b.line_no = l.line_no;

-- 2. Tonight's rows (of the files that became active) claim their keys: the best row of a
-- key tonight takes a key nobody holds; a key already held is contested and settled in 3;
-- tonight's other rows of a key are beaten (a key repeated within a file: its later line wins).
-- Their keys are gathered once, with statistics, so that no join below is planned on guesses.
create temp table arriving_${kind} on commit drop as
select r.precinct_code, r.${id}, r.submission_date, r.line_no, r.file_id, r.${date} as item_date,
       row_number() over (partition by r.precinct_code, r.${id}
                          order by r.submission_date desc, r.line_no desc) = 1 as best
from ${rows} r
join version_change c on c.file_id = r.file_id and c.kind = '${kind}' and c.now_active
-- the days this run read files of: only their partitions are scanned
where r.submission_date = any (cast(:${days} as date[]));

analyze arriving_${kind};

insert into ${beaten} (precinct_code, ${id}, submission_date, line_no, file_id)
select precinct_code, ${id}, submission_date, line_no, file_id
from arriving_${kind}
where not best;

create temp table contested_${kind} on commit drop as
with claimed as (
    insert into ${keys} (precinct_code, ${id}, submission_date, line_no, file_id)
    select precinct_code, ${id}, submission_date, line_no, file_id
    from arriving_${kind}
    where best
    on conflict (precinct_code, ${id}) do nothing
    returning precinct_code, ${id})
select a.precinct_code, a.${id}, a.submission_date, a.line_no, a.file_id
from arriving_${kind} a
where a.best
  and not exists (select 1 from claimed c where c.precinct_code = a.precinct_code and c.${id} = a.${id});

-- 3. The keys to settle — those whose winner left and those contested — from all their rows:
-- the winner they have, the rows beaten before, tonight's contender.
create temp table settling_${kind} on commit drop as
select distinct precinct_code, ${id}
from (select precinct_code, ${id} from unsettled_${kind}
      union all
      select precinct_code, ${id} from contested_${kind}) k;

create temp table candidate_${kind} on commit drop as
select k.precinct_code, k.${id}, k.submission_date, k.line_no, k.file_id, true as was_winner
from ${keys} k
join settling_${kind} s using (precinct_code, ${id})
union all
select b.precinct_code, b.${id}, b.submission_date, b.line_no, b.file_id, false
from ${beaten} b
join settling_${kind} s using (precinct_code, ${id})
union all
select precinct_code, ${id}, submission_date, line_no, file_id, false
from contested_${kind};

delete from ${keys} k
using settling_${kind} s
where k.precinct_code = s.precinct_code and k.${id} = s.${id};

delete from ${beaten} b
using settling_${kind} s
where b.precinct_code = s.precinct_code and b.${id} = s.${id};

with ranked as (
    select c.*,
           row_number() over (partition by c.precinct_code, c.${id}
                              order by c.submission_date desc, c.line_no desc) as rank
    from candidate_${kind} c),
won as (
    insert into ${keys} (precinct_code, ${id}, submission_date, line_no, file_id)
    select precinct_code, ${id}, submission_date, line_no, file_id
    from ranked
    where rank = 1),
lost as (
    insert into ${beaten} (precinct_code, ${id}, submission_date, line_no, file_id)
    select precinct_code, ${id}, submission_date, line_no, file_id
    from ranked
    where rank > 1)
insert into winner_change_${kind}
select case when rank = 1 then 'gained' else 'lost' end, c.submission_date, c.file_id, c.line_no, r.${date}, false
from ranked c
join ${rows} r on r.submission_date = c.submission_date and r.file_id = c.file_id and r.line_no = c.line_no
where (c.rank = 1) <> c.was_winner;

-- 4. The metrics change from the earliest day a winner appeared or disappeared on (tonight's
-- rows all count: one that lost its key tonight moves the start back at most).
insert into mart.dirty (since, component)
select min(day), '${kind}'
from (select min(item_date) as day from arriving_${kind}
      union all
      select min(item_date) from winner_change_${kind}) changed
having min(day) is not null;
