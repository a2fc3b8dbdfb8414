CREATE INDEX hub_location ON hub USING GIST (location);
CREATE INDEX producer_location ON producer USING GIST (location);
