-- PostGIS provides the GEOMETRY type and the ST_ functions the schema and queries use.
CREATE EXTENSION IF NOT EXISTS postgis;
