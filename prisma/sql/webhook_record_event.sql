-- Webhooks: THE entry point for recording an event (the triggers below, and domain code through
-- recordWebhookEvent, e.g. purchase_order.* events). In the caller's transaction it writes the
-- event to the outbox and one PENDING delivery per enabled endpoint of the producer subscribed to
-- the type; the worker sends them after commit. Nobody subscribed: nothing is written, NULL back.
-- A rolled-back change therefore never has an event.
CREATE OR REPLACE FUNCTION webhook_record_event(p_producer_id uuid, p_type text, p_resource_id text, p_payload jsonb)
RETURNS uuid LANGUAGE plpgsql AS $$
DECLARE
  v_id uuid;
  v_now timestamp := now() AT TIME ZONE 'UTC';
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "WebhookEndpoint" e
                 WHERE e."producerId" = p_producer_id AND e."isEnabled" AND p_type = ANY(e."eventTypes")) THEN
    RETURN NULL;
  END IF;
  v_id := gen_random_uuid();
  INSERT INTO "WebhookEvent" (id, "producerId", type, "resourceId", payload, "createdAt")
  VALUES (v_id, p_producer_id, p_type, p_resource_id, p_payload, v_now);
  INSERT INTO "WebhookDelivery" (id, "eventId", "endpointId", "producerId", "nextAttemptAt", "createdAt")
  SELECT gen_random_uuid(), v_id, e.id, p_producer_id, v_now, v_now
  FROM "WebhookEndpoint" e
  WHERE e."producerId" = p_producer_id AND e."isEnabled" AND p_type = ANY(e."eventTypes");
  RETURN v_id;
END
$$;
