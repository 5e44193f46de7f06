-- Back to announcing every public event.
CREATE OR REPLACE FUNCTION notify_ticket_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.public THEN
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
