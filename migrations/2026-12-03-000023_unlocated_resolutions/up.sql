-- A resolution whose after photos all lack a position (a photo forwarded through a chat app
-- loses its EXIF) is taken, but counted: managers see it flagged on the ticket, the statistics
-- count it (`resolved_unlocated`).
ALTER TABLE ticket_facts ADD COLUMN resolved_unlocated BOOLEAN NOT NULL DEFAULT false;
UPDATE ticket_facts f SET resolved_unlocated = true
WHERE f.resolved_at IS NOT NULL
  AND EXISTS (SELECT 1 FROM photos p WHERE p.report_id = f.report_id AND p.kind = 'resolution')
  AND NOT EXISTS (SELECT 1 FROM photos p WHERE p.report_id = f.report_id AND p.kind = 'resolution'
                  AND p.exif_location IS NOT NULL);
