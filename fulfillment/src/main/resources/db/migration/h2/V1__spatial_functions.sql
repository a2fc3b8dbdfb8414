-- H2GIS: register the spatial SQL functions (ST_DistanceSphere, ST_Expand, ST_MakeEnvelope, ...)
-- in this database. H2's own GEOMETRY type and SPATIAL INDEX need nothing more.
CREATE ALIAS IF NOT EXISTS H2GIS_SPATIAL FOR 'org.h2gis.functions.factory.H2GISFunctions.load';
CALL H2GIS_SPATIAL();
