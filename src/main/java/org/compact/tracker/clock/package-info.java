/** The one clock every rule and job reads (Europe/London), and the sim clock that tests and demos move by hand. */
package org.compact.tracker.clock;
