-- What each organisation's figures rest on, stored by the analysis with the figures: its records
-- and the teams they came from, for the report's cover.
create table cycle_coverage (
    cycle_id bigint not null references audit_cycle (id),
    organisation_code varchar(16) not null,
    records integer not null,
    teams integer not null,
    primary key (cycle_id, organisation_code)
);

-- Members are trusts, health boards and independent providers: their anonymous codes name none.
update cycle_alias set alias = replace(alias, 'Trust ', 'Organisation ');
