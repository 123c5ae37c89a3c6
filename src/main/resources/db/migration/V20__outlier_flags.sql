-- Outliers (HQIP's guidance): which standards of a programme are outlier indicators, and whether their
-- funnel-plot limits allow for over-dispersion.
alter table programme add column outliers_allow_overdispersion boolean not null default false;

create table programme_outlier_indicator (
    programme_id bigint      not null references programme (id),
    standard_id  varchar(40) not null,
    primary key (programme_id, standard_id)
);

-- Worked out with the analysis, for each outlier indicator of a cycle: the national figure, the number
-- of organisations and the over-dispersion found (phi, and whether the limits were widened by it) ...
create table cycle_outlier_standard (
    cycle_id             bigint      not null references audit_cycle (id),
    standard_id          varchar(40) not null,
    national_numerator   integer     not null,
    national_denominator integer     not null,
    organisations        integer     not null,
    phi                  double precision,
    overdispersed        boolean     not null,
    primary key (cycle_id, standard_id)
);

-- ... and each organisation beyond its 2 SD (ALERT) or 3 SD (ALARM) limits, above or below.
create table cycle_outlier (
    cycle_id          bigint           not null references audit_cycle (id),
    standard_id       varchar(40)      not null,
    organisation_code varchar(16)      not null,
    numerator         integer          not null,
    denominator       integer          not null,
    z                 double precision not null,
    level             varchar(8)       not null,
    direction         varchar(8)       not null,
    primary key (cycle_id, standard_id, organisation_code)
);
