-- Issue 17, ADR 1600: hasStartForm of the process-definition search. True when the process links a form
-- (zeebe:formDefinition with a formId) from its none start event, top level; set at deployment from the parsed
-- model, here once for the versions deployed before.
alter table engine_process_definition add column has_start_form boolean not null default false;

update engine_process_definition
set has_start_form = xpath_exists(
        '/*[local-name()="definitions"]/*[local-name()="process" and @id="' || process_definition_id || '"]'
        || '/*[local-name()="startEvent" and not(*[contains(local-name(), "EventDefinition")])]'
        || '/*[local-name()="extensionElements"]/*[local-name()="formDefinition" and string-length(@formId) > 0]',
        xmlparse(document bpmn_xml));
