-- Contract section 4 for ${kind}: of the rows sharing a key (precinct, ${id}) — in different
-- files or in one file — the row from the latest submission date wins, then the later line.
-- ${keys} holds each key's winner and ${beaten} every other row of the key, so together
-- they list every row of every key: a night settles the keys it touches by probing those two
-- tables, never by reading the rows of earlier nights. One file for visits and inspections.
--
-- What the metrics count of the winners, per precinct and day (core.winners_per_day), moves
-- by the winners a night adds and removes; winner_change_${kind} keeps the rows that stopped
-- or started winning beside tonight's bulk, for the first visits that follow.

create temp table winner_change_${kind} on commit drop as
select ''::text as change, r.* from ${rows} r limit 0;

-- 1. Rows of files no longer in use leave; a key whose winner left is settled in 3.
-- (the range of their file ids bounds, through each partition's index on file_id, what is read)
create temp table leaving_${kind} on commit drop as
with leaving_file as (
    select file_id from version_change where kind = '${kind}' and not now_active),
gone as (
    delete from ${rows} r
    using leaving_file c
    where r.file_id = c.file_id
      and r.file_id between (select min(file_id) from leaving_file) and (select max(file_id) from leaving_file)
    returning r.*)
select * from gone;

create temp table unsettled_${kind} (precinct_code text, ${id} text) on commit drop;

-- A rerun's leaving rows are whole days: their keys are probed by the primary key, in a time
-- that follows the rows leaving, where a hash join would read every key of the history.
set local enable_hashjoin = off;
set local enable_mergejoin = off;
set local enable_memoize = off;

with gone as (
    delete from ${keys} k
    using leaving_${kind} l
    where k.precinct_code = l.precinct_code and k.${id} = l.${id} and k.file_id = l.file_id and k.line_no = l.line_no
    returning l.*),
lost as (
    insert into winner_change_${kind}
    select 'lost', g.*
    from gone g)
insert into unsettled_${kind}
select precinct_code, ${id} from gone;

reset enable_hashjoin;
reset enable_mergejoin;
reset enable_memoize;

delete from ${beaten} b
using leaving_${kind} l
where b.file_id = l.file_id and b.line_no = l.line_no;

analyze unsettled_${kind};

-- 2. Tonight's rows (of the files that became active) claim their keys: the best row of a
-- key tonight takes a key nobody holds; a key already held is contested and settled in 3;
-- tonight's other rows of a key are beaten (a key repeated within a file: its later line wins).
-- Their keys, with what the counts and first visits need, are gathered once, with statistics,
-- so that no join below is planned on guesses.
create temp table arriving_${kind} on commit drop as
select r.precinct_code, r.${id}, r.submission_date, r.line_no, r.file_id, r.${date} as item_date, ${measures},
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
    select n.precinct_code, n.${id}, n.submission_date, n.line_no, n.file_id
    from arriving_${kind} n
    where n.best
      -- one probe of the key's index per row (a scalar subquery in the where stays a probe):
      -- ON CONFLICT's speculative insertion took a fifth longer, and an anti-join planned as a
      -- merge read every key of history; the pipeline lock leaves no other run to claim a key
      and (select true from ${keys} k where k.precinct_code = n.precinct_code and k.${id} = n.${id}) is null
    returning precinct_code, ${id})
select a.precinct_code, a.${id}, a.submission_date, a.line_no, a.file_id
from arriving_${kind} a
where a.best
  and not exists (select 1 from claimed c where c.precinct_code = a.precinct_code and c.${id} = a.${id});

analyze contested_${kind};

-- tonight's winners that took a key nobody held: the bulk of a night
update arriving_${kind} a
set best = false
from contested_${kind} c
where c.file_id = a.file_id and c.line_no = a.line_no;

-- 3. The keys to settle — those contested, and those whose winner left and that hold rows
-- beaten before (one of them may now win) — from all their rows: the winner they have, the
-- rows beaten before, tonight's contender. A key whose winner left and that holds no other
-- row is already right: tonight's best row of it took it, or it has no row left (a rerun
-- reading a day again leaves all its keys so).
create temp table settling_${kind} on commit drop as
select precinct_code, ${id}
from contested_${kind}
union
select u.precinct_code, u.${id}
from unsettled_${kind} u
where exists (select 1 from ${beaten} b where b.precinct_code = u.precinct_code and b.${id} = u.${id});

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

analyze candidate_${kind};

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
select case when c.rank = 1 then 'gained' else 'lost' end, r.*
from ranked c
join ${rows} r on r.submission_date = c.submission_date and r.file_id = c.file_id and r.line_no = c.line_no
where (c.rank = 1) <> c.was_winner;

-- 4. The winners per precinct and day move by what was gained and lost (a day whose count
-- falls to nothing keeps a row of zeros).
insert into core.winners_per_day (kind, precinct_code, day, winners, persons_reached, violations_found,
                                  violations_handled)
select '${kind}', precinct_code, item_date, sum(sign), sum(sign * persons_reached), sum(sign * violations_found),
       sum(sign * violations_handled)
from (select precinct_code, item_date, 1 as sign, persons_reached, violations_found, violations_handled
      from arriving_${kind}
      where best
      union all
      select r.precinct_code, r.${date}, case when r.change = 'gained' then 1 else -1 end, ${changed_measures}
      from winner_change_${kind} r) change
group by precinct_code, item_date
on conflict (kind, precinct_code, day) do update
set winners            = core.winners_per_day.winners + excluded.winners,
    persons_reached    = core.winners_per_day.persons_reached + excluded.persons_reached,
    violations_found   = core.winners_per_day.violations_found + excluded.violations_found,
    violations_handled = core.winners_per_day.violations_handled + excluded.violations_handled;

-- 5. The metrics change from the earliest day a winner appeared or disappeared on.
insert into mart.dirty (since, component)
select min(day), '${kind}'
from (select min(item_date) as day from arriving_${kind} where best
      union all
      select min(${date}) from winner_change_${kind}) changed
having min(day) is not null;
