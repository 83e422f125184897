/** The HTTP API: thin controllers over the feature services, each route with an explicit access rule, and problem+json refusals. */
package org.compact.tracker.web;
