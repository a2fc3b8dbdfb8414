-- A quick answer asks for less than a second ("seconds": 0.9); the time limit is kept to the millisecond.
ALTER TABLE plan ALTER COLUMN seconds SET DATA TYPE NUMERIC(8, 3);
