-- How to take part, in every notice (issue 19, item 0): where to respond (a web address, an email address, a postal
-- address; a JSON object) and the consultation's events (meetings with local start and end times, venue, details and
-- the provisions each offers; a JSON array). Users get a display name, which mail names officers by (the username
-- until one is set). Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
ALTER TABLE consultation ADD COLUMN how_to_respond VARCHAR;
ALTER TABLE consultation ADD COLUMN events VARCHAR NOT NULL DEFAULT '[]';
ALTER TABLE app_user ADD COLUMN display_name VARCHAR(200);
