-- A programme's life after its rounds: how long its intervention period lasts after a round's reports
-- are published before the next round is due, and when the coordinator closed it.
alter table programme add column intervention_months integer not null default 6;
alter table programme add column closed_at timestamp with time zone;
