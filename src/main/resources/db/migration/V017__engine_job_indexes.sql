-- Job activation, the time-out checker and the retry back-off checker read only a small, changing subset of
-- engine_job (which keeps every job ever created): index exactly those subsets (ADR 0231).

-- activation: the oldest activatable jobs of a type, in key order, without sorting
drop index engine_job_activatable;
create index engine_job_activatable on engine_job (type, job_key) where state = 'CREATED';

-- time-out checker (every second): activated jobs past their deadline
create index engine_job_deadline on engine_job (deadline) where state = 'ACTIVATED';

-- retry back-off checker (every second): jobs whose back-off elapsed
create index engine_job_retry_at on engine_job (retry_at) where state = 'CREATED' and retry_at is not null;
