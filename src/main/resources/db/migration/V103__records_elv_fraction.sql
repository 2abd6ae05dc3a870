-- ELV balance (ADR 0926): how each fraction leaving the dismantling counts towards the ELV Directive's rates, as master
-- data. A fraction is a quantity of the material balance posted to the ERP (balance_field: the depollution form's
-- quantities, the hulk mass of the shredder shipment) or a harvested part weighed by the WMS (balance_field null).
-- kg_per_unit turns litres into kilograms; the shares say which part of its mass counts as reuse, recycling or energy
-- recovery (recovery = recycling + energy recovery). Java and the queries read these rows; they repeat no number.
create table elv_fraction (
    fraction_code         text primary key,
    balance_field         text unique,
    kg_per_unit           numeric not null check (kg_per_unit > 0),
    reuse_share           numeric not null check (reuse_share between 0 and 1),
    recycling_share       numeric not null check (recycling_share between 0 and 1),
    energy_recovery_share numeric not null check (energy_recovery_share between 0 and 1),
    source                text not null,
    check (reuse_share + recycling_share + energy_recovery_share <= 1)
);

insert into elv_fraction (fraction_code, balance_field, kg_per_unit, reuse_share, recycling_share,
                          energy_recovery_share, source) values
    ('ENGINE_OIL', 'engineOilL', 0.88, 0, 1, 0,
     'Depollution form (L); density of mineral oil 0.88 kg/L; used oil regenerated (Directive 2008/98/EC art. 21, Code de l''environnement R543-3)'),
    ('GEARBOX_OIL', 'gearboxOilL', 0.88, 0, 1, 0,
     'Depollution form (L); density 0.88 kg/L; regenerated with the used oils'),
    ('FUEL', 'fuelL', 0.75, 0, 0, 1,
     'Depollution form (L); density of petrol 0.75 kg/L; burnt as fuel: energy recovery (Decision 2005/293/EC annex)'),
    ('BRAKE_FLUID', 'brakeFluidL', 1.05, 0, 0, 1,
     'Depollution form (L); density 1.05 kg/L; incinerated with energy recovery by the collector'),
    ('COOLANT', 'coolantL', 1.07, 0, 1, 0,
     'Depollution form (L); density of glycol coolant 1.07 kg/L; distilled and recycled by the collector'),
    ('REFRIGERANT', 'refrigerantKg', 1, 0, 1, 0,
     'Depollution form (kg); reclaimed refrigerant (Regulation (EU) 2024/573)'),
    ('BATTERY_12V', 'twelveVoltBatteryKg', 1, 0, 1, 0,
     'Depollution form (kg); lead-acid battery recycled (Regulation (EU) 2023/1542)'),
    ('HULK', 'hulkMassKg', 1, 0, 0.85, 0.12,
     'Shredder shipment (kg, ERP); shares as the approved shredder declares them for the year under its contract (demo values)'),
    ('PART_REUSED', null, 1, 1, 0, 0,
     'WMS mass of a harvested part put to reuse stock or sent as a remanufacturing core: reuse (Decision 2005/293/EC annex, parts for reuse)'),
    ('PART_RECYCLED', null, 1, 0, 1, 0,
     'WMS mass of a harvested part sent to material recycling (D10 or the tester''s review)');
