-- Q8 of the auditor's questions (ADR 0913): the certificate of destruction is issued at most 15 days after the
-- destruction; one source for the limit the auditor's answer compares against.
insert into regulatory_parameter (parameter_code, value, unit, source) values
    ('COD_MAX_DAYS_AFTER_DESTRUCTION', 15, 'DAYS',
     'Préfecture du Pas-de-Calais, destruction de véhicule: certificate of destruction within 15 days [R65]');
