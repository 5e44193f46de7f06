-- A history loaded in bulk (`hientruong generate`) is not news: a transaction that sets
-- `hientruong.bulk_load` to 'on' (SET LOCAL) is not announced on the live stream.
CREATE OR REPLACE FUNCTION notify_ticket_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.public AND current_setting('hientruong.bulk_load', true) IS DISTINCT FROM 'on' THEN
        PERFORM pg_notify('ticket_events', json_build_object(
            'id', NEW.id,
            'report_id', NEW.report_id,
            'kind', NEW.kind,
            'status', NEW.to_status,
            'unit', NEW.unit_code,
            'commune', r.commune_code,
            'category', r.category_code,
            'at', NEW.at)::text)
        FROM reports r WHERE r.id = NEW.report_id;
    END IF;
    RETURN NULL;
END
$$;
