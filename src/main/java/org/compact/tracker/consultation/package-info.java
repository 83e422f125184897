/**
 * The consultation register: registering and reading consultations ({@link org.compact.tracker.consultation.Register},
 * {@link org.compact.tracker.consultation.RegisterReads}), apart from their lifecycle: the step table
 * ({@link org.compact.tracker.consultation.Step}), the aggregate's one guarded transition per step, the steps officers
 * take ({@link org.compact.tracker.consultation.Lifecycle}) and those the calendar takes
 * ({@link org.compact.tracker.consultation.DueSteps}); with exemptions and history.
 */
package org.compact.tracker.consultation;
