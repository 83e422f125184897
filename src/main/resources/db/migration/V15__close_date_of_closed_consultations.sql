-- A consultation closed before its close date kept the planned date, and feedback was counted from it rather than
-- from the day it closed. From now on closing early moves the close date to the day it closed (Consultation
-- .markClosed); this does the same for those closed early before.
UPDATE consultation
   SET closes_on = closed_on
 WHERE closed_on IS NOT NULL
   AND (closes_on IS NULL OR closes_on > closed_on);
