-- Webhooks: does any enabled endpoint (of any producer) subscribe to this event type? The first
-- thing every webhook trigger asks, so a change nobody listens to costs one look at a tiny table.
CREATE OR REPLACE FUNCTION webhook_is_wanted(p_type text)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM "WebhookEndpoint" e WHERE e."isEnabled" AND p_type = ANY(e."eventTypes"));
$$;
