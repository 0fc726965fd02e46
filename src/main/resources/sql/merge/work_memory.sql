-- The merge sorts and hashes every row of the night (2,000,000 at national scale): give its
-- transaction room to do that in memory rather than in temporary files (PostgreSQL's
-- default work_mem is 4MB). SET LOCAL ends with the transaction.
set local work_mem = '256MB';
