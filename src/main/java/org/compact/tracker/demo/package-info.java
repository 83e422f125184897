/** The optional demo environment: a realistic Salford partnership, so a newcomer sees a living system. */
package org.compact.tracker.demo;
