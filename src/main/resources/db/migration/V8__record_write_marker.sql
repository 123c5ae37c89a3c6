-- Marks the rows a write touched, so its history entries are exactly those rows.
alter table audit_record add column last_write varchar(36);
