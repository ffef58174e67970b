/**
 * What every public page shares: the layout and its language switch, the language a page is shown in, and form
 * errors shown next to their fields in that language. The pages themselves live with their features.
 */
package ch.frontdesk.web;
