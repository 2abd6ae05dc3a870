-- Version tags of decisions and forms (processes already have the column), and which resources each deployment
-- held, also those it redeployed unchanged: what bindingType "deployment" resolves against (decision 0290).
alter table engine_decision_definition add column version_tag text;
alter table engine_form add column version_tag text;

create table engine_deployment_resource (
    deployment_key bigint not null,
    resource_kind  text not null,
    resource_id    text not null,
    definition_key bigint not null,
    primary key (deployment_key, resource_kind, resource_id)
);
create index engine_deployment_resource_definition on engine_deployment_resource (definition_key);
