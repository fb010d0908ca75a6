-- db-scheduler's table (one-time sync runs and recurring tasks), portable across H2 and PostgreSQL.
create table scheduled_tasks (
    task_name               varchar(100) not null,
    task_instance           varchar(100) not null,
    task_data               bytea,
    execution_time          timestamp with time zone not null,
    picked                  boolean not null,
    picked_by               varchar(50),
    last_success            timestamp with time zone,
    last_failure            timestamp with time zone,
    consecutive_failures    int,
    last_heartbeat          timestamp with time zone,
    version                 bigint not null,
    priority                smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_idx on scheduled_tasks (priority, execution_time);
