-- A link ended because a newer one was sent for the same task, as opposed to used, done or withdrawn:
-- its page then says to use the latest email.
alter table task_link add column replaced boolean default false not null;

-- Links now work for 30 days at most: those issued for longer end 30 days after they were made.
update task_link set expires_at = created_at + interval '30' day where expires_at > created_at + interval '30' day;
