-- Public ticket events are announced on the `ticket_events` channel when their transaction
-- commits (NOTIFY is transactional), for every server process to stream to dashboards. The payload
-- carries no personal data: what changed, where, when.
CREATE FUNCTION notify_ticket_event() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER report_events_notify AFTER INSERT ON report_events
    FOR EACH ROW EXECUTE FUNCTION notify_ticket_event();
