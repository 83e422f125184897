/** Agencies (the public bodies), their users and roles, passwords, tokens and who may act for which agency. */
package org.compact.tracker.security;
