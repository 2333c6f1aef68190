-- Slack retries an event it thinks we missed (x-slack-retry-num); Bot Framework can redeliver too.
-- Each event id is recorded once, so a retried event is acknowledged but never answered twice.
-- Not tied to a school: the school is only known after the person is identified.
CREATE TABLE bot_seen_events (
  channel TEXT NOT NULL CHECK (channel IN ('teams', 'slack')),
  event_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (channel, event_id)
);
CREATE INDEX bot_seen_events_received ON bot_seen_events(received_at);
