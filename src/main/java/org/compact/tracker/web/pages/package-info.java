/**
 * The officers' web pages and what keeps a browser safe: sign-in with the token in an HttpOnly, SameSite=Strict
 * cookie, double-submit CSRF tokens on every form, login throttling, security headers on every page, and the page
 * controllers with the view models their Thymeleaf templates (src/main/resources/views) show.
 */
package org.compact.tracker.web.pages;
