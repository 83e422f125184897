/** The shared directory of third-sector organisations: who they are, where they work, whom they speak for, what they opted out of. */
package org.compact.tracker.organisation;
