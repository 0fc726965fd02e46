-- core.inspection_row holds every loaded row of the active inspection files; of the rows
-- sharing a key (precinct, inspection_id) exactly one is flagged `wins` (a unique index
-- holds it to one): the latest submission date, then the later line. core.inspection is
-- the view of the winners. The same steps as visits.sql: rows leave, beaten winners step
-- down, tonight's rows arrive with their flag, orphaned keys go to their best remaining row.
create temp table changed_inspection (change text, precinct_code text, inspection_id text, submission_date date,
                                      line_no integer, inspection_date date) on commit drop;

create temp table orphaned_inspection (precinct_code text, inspection_id text) on commit drop;

with gone as (
    delete from core.inspection_row r
    using version_change c
    where c.kind = 'inspections' and not c.now_active
      and r.precinct_code = c.precinct_code and r.submission_date = c.submission_date
    returning r.precinct_code, r.inspection_id, r.submission_date, r.line_no, r.inspection_date, r.wins),
removed as (
    insert into changed_inspection
    select 'removed', precinct_code, inspection_id, submission_date, line_no, inspection_date
    from gone
    where wins
    returning precinct_code, inspection_id)
insert into orphaned_inspection
select precinct_code, inspection_id from removed;

create temp table incoming_inspection on commit drop as
select i.precinct_code, i.submission_date, i.line_no, i.inspection_id, i.inspection_date,
       i.venue_id, i.violations_found, i.violations_handled,
       row_number() over (partition by i.precinct_code, i.inspection_id
                          order by i.submission_date desc, i.line_no desc) = 1 as best_tonight
from checked_inspection i
join version_change c on c.file_id = i.file_id and c.now_active
where i.outcome = 'loaded';

analyze incoming_inspection;

with demoted as (
    update core.inspection_row r
    set wins = false
    from incoming_inspection i
    where i.best_tonight
      and r.precinct_code = i.precinct_code and r.inspection_id = i.inspection_id and r.wins
      and (r.submission_date, r.line_no) < (i.submission_date, i.line_no)
    returning r.precinct_code, r.inspection_id, r.submission_date, r.line_no, r.inspection_date)
insert into changed_inspection
select 'removed', precinct_code, inspection_id, submission_date, line_no, inspection_date
from demoted;

with added as (
    insert into core.inspection_row (precinct_code, submission_date, line_no, inspection_id, inspection_date,
                                     venue_id, violations_found, violations_handled, wins)
    select i.precinct_code, i.submission_date, i.line_no, i.inspection_id, i.inspection_date,
           i.venue_id, i.violations_found, i.violations_handled,
           i.best_tonight and not exists (
               select 1 from core.inspection_row r
               where r.precinct_code = i.precinct_code and r.inspection_id = i.inspection_id
                 and (r.submission_date, r.line_no) > (i.submission_date, i.line_no))
    from incoming_inspection i
    returning precinct_code, inspection_id, submission_date, line_no, inspection_date, wins)
insert into changed_inspection
select 'added', precinct_code, inspection_id, submission_date, line_no, inspection_date
from added
where wins;

with orphan as (
    select distinct o.precinct_code, o.inspection_id
    from orphaned_inspection o
    where not exists (select 1 from core.inspection_row r
                      where r.precinct_code = o.precinct_code and r.inspection_id = o.inspection_id and r.wins)),
best as (
    select distinct on (r.precinct_code, r.inspection_id) r.precinct_code, r.submission_date, r.line_no
    from core.inspection_row r
    join orphan o on o.precinct_code = r.precinct_code and o.inspection_id = r.inspection_id
    order by r.precinct_code, r.inspection_id, r.submission_date desc, r.line_no desc),
promoted as (
    update core.inspection_row r
    set wins = true
    from best b
    where r.precinct_code = b.precinct_code and r.submission_date = b.submission_date and r.line_no = b.line_no
    returning r.precinct_code, r.inspection_id, r.submission_date, r.line_no, r.inspection_date)
insert into changed_inspection
select 'added', precinct_code, inspection_id, submission_date, line_no, inspection_date
from promoted;

insert into mart.dirty (since)
select min(inspection_date) from changed_inspection having count(*) > 0;
