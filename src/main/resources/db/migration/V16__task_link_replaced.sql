-- A link ended because a newer one was sent for the same task, as opposed to used, done or withdrawn:
-- its page then says to use the latest email.
alter table task_link add column replaced boolean default false not null;
