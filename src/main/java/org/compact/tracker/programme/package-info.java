/** What partners and the public see (SHARE) and the search for earlier work (PRIOR_WORK): the programme, its feeds, published results, search and similar consultations. */
package org.compact.tracker.programme;
