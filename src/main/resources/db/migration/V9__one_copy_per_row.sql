-- One durable copy per loaded row. The winner of each visit or inspection key (latest
-- submission date, then later line) is flagged in its row table instead of being copied
-- into a second table: a national night wrote every row twice with its indexes, and read
-- it back to sort it (docs/performance.md). core.visit and core.inspection stay, as views
-- of the winning rows, so every reader sees the same relations as before.
alter table core.visit_row add column wins boolean not null default false;
alter table core.inspection_row add column wins boolean not null default false;

update core.visit_row r
set wins = true
from core.visit v
where v.precinct_code = r.precinct_code and v.submission_date = r.submission_date and v.line_no = r.line_no;

update core.inspection_row r
set wins = true
from core.inspection i
where i.precinct_code = r.precinct_code and i.submission_date = r.submission_date and i.line_no = r.line_no;

drop table core.visit;
drop table core.inspection;

-- one winner per key, held by the database as core.visit's primary key held it
create unique index visit_row_one_winner on core.visit_row (precinct_code, visit_id) where wins;
create unique index inspection_row_one_winner on core.inspection_row (precinct_code, inspection_id) where wins;
-- the metrics read the winners by date, first visits by target
create index visit_row_winner_date on core.visit_row (visit_date) where wins;
create index visit_row_winner_target on core.visit_row (target_code) where wins;
create index inspection_row_winner_date on core.inspection_row (inspection_date) where wins;

create view core.visit as
select precinct_code, visit_id, submission_date, line_no, visit_date, officer_id,
       target_type, target_code, persons_reached, issues_found, note
from core.visit_row
where wins;

create view core.inspection as
select precinct_code, inspection_id, submission_date, line_no, inspection_date,
       venue_id, violations_found, violations_handled
from core.inspection_row
where wins;
