CREATE SPATIAL INDEX hub_location ON hub (location);
CREATE SPATIAL INDEX producer_location ON producer (location);
