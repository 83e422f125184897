/** Small pieces every feature uses: the refusals the API turns into problem+json, JSON columns. Depends on no feature. */
package org.compact.tracker.support;
