-- How many of each organisation's records have each outcome (which standards a record is counted in
-- and meets), stored by the analysis: what secondary suppression moves between organisations to show a
-- hidden count could still be other values.
create table cycle_outcome (
    cycle_id bigint not null references audit_cycle (id),
    organisation_code varchar(16) not null,
    outcome varchar(1000) not null,
    records integer not null,
    primary key (cycle_id, organisation_code, outcome)
);
