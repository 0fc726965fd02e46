-- The run's rows are merged: staging is empty again.
truncate ingest.stage_visit, ingest.stage_dispute, ingest.stage_hazard, ingest.stage_inspection;
