-- Sessions that end, and usernames unique without regard to case.
--
-- session_version: every token carries the version its user had at sign-in (the claim "ver"); sign-out, a password
-- change, disabling the user or changing their roles or agency moves it, and every token issued before is refused.
--
-- username_key: the username in lower case, unique, so that 'ADMIN' cannot be created beside 'admin' and signing in
-- finds the user whatever the case typed. A column kept equal to LOWER(username) by a check, rather than an index on
-- LOWER(username): H2 has no index on an expression, and a generated column is written differently on H2 and on
-- PostgreSQL. Users that already differ only by case keep the oldest one's name; the later ones are renamed
-- '<name>#<id>' ('#' is never in a username the API accepts, so the new names cannot collide), and an admin can see
-- and disable them.
UPDATE app_user
   SET username = SUBSTRING(username FROM 1 FOR 80) || '#' || CAST(id AS VARCHAR(20))
 WHERE EXISTS (SELECT 1 FROM app_user other
                WHERE LOWER(other.username) = LOWER(app_user.username) AND other.id < app_user.id);

ALTER TABLE app_user ADD COLUMN username_key VARCHAR(100);
UPDATE app_user SET username_key = LOWER(username);
ALTER TABLE app_user ALTER COLUMN username_key SET NOT NULL;
ALTER TABLE app_user ADD CONSTRAINT uq_app_user_username_key UNIQUE (username_key);
ALTER TABLE app_user ADD CONSTRAINT ck_app_user_username_key CHECK (username_key = LOWER(username));

ALTER TABLE app_user ADD COLUMN session_version BIGINT DEFAULT 0 NOT NULL;

-- A stamp moved in the transaction of every change to users (as register_stamp is for the register): each node keeps
-- the users' (version, enabled) in memory under the stamp it read, and reads them again once the stamp has moved,
-- on whichever node the change was made.
CREATE SEQUENCE user_stamp_seq START WITH 1;

CREATE TABLE user_stamp (
    id    INT    NOT NULL PRIMARY KEY,
    stamp BIGINT NOT NULL,
    CONSTRAINT ck_user_stamp_single CHECK (id = 1)
);

INSERT INTO user_stamp (id, stamp) VALUES (1, 0);
