DROP TRIGGER report_events_notify ON report_events;
DROP FUNCTION notify_ticket_event();
