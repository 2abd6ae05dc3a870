-- Embedded engine: definitions, runtime state and history (one table per entity; history rows are never deleted).
create sequence engine_key_seq start with 2251799813685200 increment by 100;

create table engine_process_definition (
    process_definition_key bigint primary key,
    process_definition_id  text not null,
    version                int not null,
    name                   text,
    version_tag            text,
    resource_name          text not null,
    checksum               text not null,
    bpmn_xml               text not null,
    deployment_key         bigint not null,
    deployed_at            timestamptz not null,
    unique (process_definition_id, version)
);

create table engine_decision_requirements (
    decision_requirements_key bigint primary key,
    decision_requirements_id  text not null,
    version                   int not null,
    name                      text,
    resource_name             text not null,
    checksum                  text not null,
    dmn_xml                   text not null,
    deployment_key            bigint not null,
    unique (decision_requirements_id, version)
);

create table engine_decision_definition (
    decision_definition_key   bigint primary key,
    decision_definition_id    text not null,
    version                   int not null,
    name                      text,
    decision_type             text not null,
    decision_requirements_key bigint not null references engine_decision_requirements,
    decision_requirements_id  text not null,
    unique (decision_definition_id, version)
);

create table engine_form (
    form_key       bigint primary key,
    form_id        text not null,
    version        int not null,
    resource_name  text not null,
    checksum       text not null,
    form_schema    text not null,
    deployment_key bigint not null,
    unique (form_id, version)
);

create table engine_process_instance (
    process_instance_key        bigint primary key,
    process_definition_key      bigint not null references engine_process_definition,
    process_definition_id       text not null,
    process_definition_version  int not null,
    process_definition_name     text,
    state                       text not null,
    start_date                  timestamptz not null,
    end_date                    timestamptz,
    parent_process_instance_key bigint,
    parent_element_instance_key bigint,
    root_process_instance_key   bigint not null
);
create index engine_process_instance_definition on engine_process_instance (process_definition_id);

create table engine_element_instance (
    element_instance_key   bigint primary key,
    process_instance_key   bigint not null,
    process_definition_key bigint not null,
    process_definition_id  text not null,
    element_id             text not null,
    element_name           text,
    element_type           text not null,
    state                  text not null,
    flow_scope_key         bigint,
    start_date             timestamptz not null,
    end_date               timestamptz,
    incident_key           bigint
);
create index engine_element_instance_pi on engine_element_instance (process_instance_key);
create index engine_element_instance_scope on engine_element_instance (flow_scope_key, state);

create table engine_join_token (
    flow_scope_key bigint not null,
    gateway_id     text not null,
    flow_id        text not null,
    tokens         int not null,
    primary key (flow_scope_key, gateway_id, flow_id)
);

create table engine_sequence_flow (
    id                     bigserial primary key,
    process_instance_key   bigint not null,
    process_definition_key bigint not null,
    process_definition_id  text not null,
    flow_id                text not null
);
create index engine_sequence_flow_pi on engine_sequence_flow (process_instance_key);

create table engine_variable (
    variable_key         bigint primary key,
    name                 text not null,
    value                text not null,
    scope_key            bigint not null,
    process_instance_key bigint not null,
    unique (scope_key, name)
);
create index engine_variable_pi on engine_variable (process_instance_key);

create table engine_job (
    job_key                    bigint primary key,
    type                       text not null,
    state                      text not null,
    retries                    int not null,
    worker                     text,
    deadline                   timestamptz,
    retry_at                   timestamptz,
    error_message              text,
    error_code                 text,
    custom_headers             text not null,
    process_instance_key       bigint not null,
    element_instance_key       bigint not null,
    element_id                 text not null,
    process_definition_key     bigint not null,
    process_definition_id      text not null,
    process_definition_version int not null,
    creation_time              timestamptz not null
);
create index engine_job_activatable on engine_job (type, state);
create index engine_job_ei on engine_job (element_instance_key);

create table engine_incident (
    incident_key           bigint primary key,
    error_type             text not null,
    error_message          text not null,
    state                  text not null,
    process_instance_key   bigint not null,
    process_definition_key bigint not null,
    process_definition_id  text not null,
    element_id             text not null,
    element_instance_key   bigint not null,
    job_key                bigint,
    retry_phase            text,
    creation_time          timestamptz not null
);
create index engine_incident_pi on engine_incident (process_instance_key);

create table engine_user_task (
    user_task_key              bigint primary key,
    element_instance_key       bigint not null,
    process_instance_key       bigint not null,
    process_definition_key     bigint not null,
    process_definition_id      text not null,
    process_definition_version int not null,
    element_id                 text not null,
    name                       text,
    state                      text not null,
    assignee                   text,
    candidate_groups           jsonb not null,
    candidate_users            jsonb not null,
    due_date                   timestamptz,
    follow_up_date             timestamptz,
    priority                   int not null,
    form_key                   bigint,
    custom_headers             text not null,
    creation_date              timestamptz not null,
    completion_date            timestamptz
);
create index engine_user_task_pi on engine_user_task (process_instance_key);

create table engine_decision_instance (
    decision_evaluation_instance_key text primary key,
    decision_evaluation_key          bigint not null,
    state                            text not null,
    evaluation_date                  timestamptz not null,
    evaluation_failure               text,
    decision_definition_key          bigint not null,
    decision_definition_id           text not null,
    decision_definition_name         text,
    decision_definition_version      int not null,
    decision_definition_type         text not null,
    result                           text,
    evaluated_inputs                 text not null,
    matched_rules                    text not null,
    process_definition_key           bigint not null,
    process_instance_key             bigint not null,
    element_instance_key             bigint not null
);
