-- core.visit_row holds every loaded row of the active visit files; of the rows sharing a
-- key (precinct, visit_id) exactly one is flagged `wins` (a unique index holds it to one):
-- the latest submission date, then the later line (contract section 4). core.visit is the
-- view of the winners. The flags are decided as rows arrive, so only the keys a night
-- touches are looked at, and every row is written once. changed_visit records each winner
-- that appears or disappears: what the first visits and the metrics must follow.
create temp table changed_visit (change text, precinct_code text, visit_id text, submission_date date, line_no integer,
                                 target_type text, target_code text, visit_date date) on commit drop;

-- rows of files that stopped being active leave; a key whose winner leaves is orphaned
create temp table orphaned_visit (precinct_code text, visit_id text) on commit drop;

with gone as (
    delete from core.visit_row r
    using version_change c
    where c.kind = 'visits' and not c.now_active
      and r.precinct_code = c.precinct_code and r.submission_date = c.submission_date
    returning r.precinct_code, r.visit_id, r.submission_date, r.line_no, r.target_type, r.target_code, r.visit_date,
              r.wins),
removed as (
    insert into changed_visit
    select 'removed', precinct_code, visit_id, submission_date, line_no, target_type, target_code, visit_date
    from gone
    where wins
    returning precinct_code, visit_id)
insert into orphaned_visit
select precinct_code, visit_id from removed;

-- tonight's loaded rows, the best of each key marked
create temp table incoming_visit on commit drop as
select v.precinct_code, v.submission_date, v.line_no, v.visit_id, v.visit_date, v.officer_id,
       v.target_type, v.target_code, v.persons_reached, v.issues_found, v.note,
       row_number() over (partition by v.precinct_code, v.visit_id
                          order by v.submission_date desc, v.line_no desc) = 1 as best_tonight
from checked_visit v
join version_change c on c.file_id = v.file_id and c.now_active
where v.outcome = 'loaded';

analyze incoming_visit;

-- a winner beaten by tonight's best row of its key steps down first
with demoted as (
    update core.visit_row r
    set wins = false
    from incoming_visit i
    where i.best_tonight
      and r.precinct_code = i.precinct_code and r.visit_id = i.visit_id and r.wins
      and (r.submission_date, r.line_no) < (i.submission_date, i.line_no)
    returning r.precinct_code, r.visit_id, r.submission_date, r.line_no, r.target_type, r.target_code, r.visit_date)
insert into changed_visit
select 'removed', precinct_code, visit_id, submission_date, line_no, target_type, target_code, visit_date
from demoted;

-- tonight's best row of a key wins unless a remaining row of that key is later
with added as (
    insert into core.visit_row (precinct_code, submission_date, line_no, visit_id, visit_date, officer_id,
                                target_type, target_code, persons_reached, issues_found, note, wins)
    select i.precinct_code, i.submission_date, i.line_no, i.visit_id, i.visit_date, i.officer_id,
           i.target_type, i.target_code, i.persons_reached, i.issues_found, i.note,
           i.best_tonight and not exists (
               select 1 from core.visit_row r
               where r.precinct_code = i.precinct_code and r.visit_id = i.visit_id
                 and (r.submission_date, r.line_no) > (i.submission_date, i.line_no))
    from incoming_visit i
    returning precinct_code, visit_id, submission_date, line_no, target_type, target_code, visit_date, wins)
insert into changed_visit
select 'added', precinct_code, visit_id, submission_date, line_no, target_type, target_code, visit_date
from added
where wins;

-- an orphaned key that none of tonight's rows won goes to its best remaining row
with orphan as (
    select distinct o.precinct_code, o.visit_id
    from orphaned_visit o
    where not exists (select 1 from core.visit_row r
                      where r.precinct_code = o.precinct_code and r.visit_id = o.visit_id and r.wins)),
best as (
    select distinct on (r.precinct_code, r.visit_id) r.precinct_code, r.submission_date, r.line_no
    from core.visit_row r
    join orphan o on o.precinct_code = r.precinct_code and o.visit_id = r.visit_id
    order by r.precinct_code, r.visit_id, r.submission_date desc, r.line_no desc),
promoted as (
    update core.visit_row r
    set wins = true
    from best b
    where r.precinct_code = b.precinct_code and r.submission_date = b.submission_date and r.line_no = b.line_no
    returning r.precinct_code, r.visit_id, r.submission_date, r.line_no, r.target_type, r.target_code, r.visit_date)
insert into changed_visit
select 'added', precinct_code, visit_id, submission_date, line_no, target_type, target_code, visit_date
from promoted;

insert into mart.dirty (since)
select min(visit_date) from changed_visit having count(*) > 0;
