"""Who sees what: the client walk, the facilitator's configured views, the appointment mode's cards."""
