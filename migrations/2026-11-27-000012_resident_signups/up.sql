-- Resident accounts per day of registration (Huế date), kept by a trigger: the basis of
-- participation (accounts registered before a day) is then a sum over at most a few thousand
-- days instead of a count over every account on each statistics request.
CREATE TABLE resident_signups (
    day       DATE PRIMARY KEY,
    residents BIGINT NOT NULL CHECK (residents >= 0)
);

INSERT INTO resident_signups (day, residents)
SELECT (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, count(*)
FROM users WHERE role = 'resident' GROUP BY 1;

CREATE FUNCTION count_resident_signups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.role = 'resident' THEN
        UPDATE resident_signups SET residents = residents - 1
        WHERE day = (OLD.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.role = 'resident' THEN
        INSERT INTO resident_signups (day, residents)
        VALUES ((NEW.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 1)
        ON CONFLICT (day) DO UPDATE SET residents = resident_signups.residents + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER users_count_resident_signups
    AFTER INSERT OR DELETE OR UPDATE OF role, created_at ON users
    FOR EACH ROW EXECUTE FUNCTION count_resident_signups();

DROP INDEX users_residents;
