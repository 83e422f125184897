-- A consent withdrawn by an officer on a participant's behalf was recorded in the consultation's history with the
-- participant's name, and officers of every agency may read the history (only the consultation's own agency may read
-- who its participants are). Keep the event; drop the name. New entries name the participant by id.
UPDATE consultation_history
   SET reason = 'Consent to hear back withdrawn on their behalf'
 WHERE kind = 'CONSENT_WITHDRAWN'
   AND reason LIKE 'Consent to hear back withdrawn for %'
   AND reason NOT LIKE 'Consent to hear back withdrawn for participant %';
