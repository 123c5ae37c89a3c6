-- A cycle keeps the version of its audit definition it was scheduled with, so a newer version
-- shipped later never re-checks or re-counts its records. Existing cycles take version 1.
alter table audit_cycle add column definition_version integer default 1 not null;
